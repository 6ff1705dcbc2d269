package io.sprint.opt.testapp;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/** The other end of a relay's connection ({@code peer-N}): reads messages and records each transaction's latency. */
final class Peer implements Runnable {
    private final Socket socket;
    private final Recorder latencies;
    private final LongAdder blocks;
    private final AtomicBoolean running;

    Peer(Socket socket, Recorder latencies, LongAdder blocks, AtomicBoolean running) {
        this.socket = socket;
        this.latencies = latencies;
        this.blocks = blocks;
        this.running = running;
    }

    @Override
    public void run() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16))) {
            byte[] buffer = new byte[1 << 16];
            while (true) {
                int kind = in.readByte();
                in.readLong();
                long created = in.readLong();
                int length = in.readInt();
                if (length > buffer.length) {
                    buffer = new byte[length];
                }
                in.readFully(buffer, 0, length);
                if (kind == Message.Kind.TX.ordinal()) {
                    latencies.recordValue(Math.max(1, System.nanoTime() - created));
                } else {
                    blocks.increment();
                }
            }
        } catch (EOFException e) {
            // the relay closed its end
        } catch (IOException e) {
            if (running.get()) {
                System.err.println(Thread.currentThread().getName() + ": " + e);
            }
        }
    }
}
