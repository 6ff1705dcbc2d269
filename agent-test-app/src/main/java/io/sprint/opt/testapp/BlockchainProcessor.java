package io.sprint.opt.testapp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Chains candidate blocks (SHA-256 over the previous hash and the block) and announces each to the relays. */
final class BlockchainProcessor implements Runnable {
    private final BlockingQueue<Message> in;
    private final List<BlockingQueue<Message>> relays;
    private final AtomicBoolean running;
    private byte[] tip = new byte[32];
    private long height;

    BlockchainProcessor(BlockingQueue<Message> in, List<BlockingQueue<Message>> relays, AtomicBoolean running) {
        this.in = in;
        this.relays = relays;
        this.running = running;
    }

    @Override
    public void run() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            while (running.get()) {
                Message block = in.poll(50, TimeUnit.MILLISECONDS);
                if (block == null) {
                    continue;
                }
                sha256.update(tip);
                sha256.update(block.payload());
                tip = sha256.digest();
                height++;
                Message announced = new Message(Message.Kind.BLOCK, height, block.createdNanos(), tip);
                for (BlockingQueue<Message> relay : relays) {
                    relay.put(announced);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    synchronized long height() {
        return height;
    }
}
