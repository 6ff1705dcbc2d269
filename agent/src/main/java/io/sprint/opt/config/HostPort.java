package io.sprint.opt.config;

/** The {@code metrics} option: {@code PORT} (on 127.0.0.1) or {@code HOST:PORT}. */
public record HostPort(String host, int port) {
    public static final String LOOPBACK = "127.0.0.1";

    /** @throws IllegalArgumentException when {@code text} is not PORT or HOST:PORT */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(text.substring(colon + 1));
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException(text);
        }
        return new HostPort(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
