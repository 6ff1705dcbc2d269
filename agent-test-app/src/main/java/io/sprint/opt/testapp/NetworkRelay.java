package io.sprint.opt.testapp;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A network relay thread ({@code relay-N}): writes each transaction and block to its peer over a loopback socket. */
final class NetworkRelay implements Runnable {
    private final BlockingQueue<Message> in;
    private final Socket socket;
    private final AtomicBoolean running;

    NetworkRelay(BlockingQueue<Message> in, Socket socket, AtomicBoolean running) {
        this.in = in;
        this.socket = socket;
        this.running = running;
    }

    @Override
    public void run() {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16))) {
            while (running.get()) {
                Message message = in.poll(50, TimeUnit.MILLISECONDS);
                if (message == null) {
                    continue;
                }
                out.writeByte(message.kind().ordinal());
                out.writeLong(message.id());
                out.writeLong(message.createdNanos());
                out.writeInt(message.payload().length);
                out.write(message.payload());
                if (in.isEmpty()) {
                    out.flush(); // batch only what is already waiting
                }
            }
        } catch (IOException e) {
            if (running.get()) {
                System.err.println(Thread.currentThread().getName() + ": " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
