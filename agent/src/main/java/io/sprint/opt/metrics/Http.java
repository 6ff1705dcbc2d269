package io.sprint.opt.metrics;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The little of HTTP/1.1 the endpoint speaks: a request head ends at the first blank line, its
 * lines end in CRLF or a bare LF (RFC 9112 lets a server accept both), and every response
 * closes the connection.
 */
final class Http {
    static final String TEXT = "text/plain; charset=utf-8";

    private Http() {
    }

    /** The request line and headers once {@code received} holds them all, else null. */
    static String head(ByteBuffer received) {
        byte[] bytes = received.array();
        int length = received.position();
        for (int i = 1; i < length; i++) {
            boolean blankLine = bytes[i - 1] == '\n' || (i >= 2 && bytes[i - 1] == '\r' && bytes[i - 2] == '\n');
            if (bytes[i] == '\n' && blankLine) {
                return new String(bytes, 0, i + 1, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /** A request line's method and path (the query left off). */
    record Request(String method, String path) {
        /** @return null when the request line is not METHOD TARGET HTTP/x */
        static Request parse(String head) {
            int end = head.indexOf('\n');
            String line = head.substring(0, end).strip();
            String[] parts = line.split(" ");
            if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/")) {
                return null;
            }
            int query = parts[1].indexOf('?');
            return new Request(parts[0], query < 0 ? parts[1] : parts[1].substring(0, query));
        }
    }

    static ByteArrayOutputStream text(String message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        return body;
    }

    /** The whole response; {@code withBody} false for HEAD: the same headers, no body. */
    static byte[] response(String status, String contentType, ByteArrayOutputStream body, boolean withBody) {
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.size()
                + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream response = new ByteArrayOutputStream(head.length() + (withBody ? body.size() : 0));
        response.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (withBody) {
            response.writeBytes(body.toByteArray());
        }
        return response.toByteArray();
    }
}
