package io.sprint.opt.testapp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * Validates transactions (a checksum stands in for the signature check), keeps them in the
 * mempool, relays each one and seals every {@code blockSize} of them into a candidate block.
 */
final class MempoolManager implements Runnable {
    private final BlockingQueue<Message> in;
    private final List<BlockingQueue<Message>> relays;
    private final BlockingQueue<Message> blockchain;
    private final int blockSize;
    private final AtomicBoolean running;
    private final Map<Long, Message> mempool = new LinkedHashMap<>();
    private long relayed;
    private long sealed;

    MempoolManager(BlockingQueue<Message> in, List<BlockingQueue<Message>> relays, BlockingQueue<Message> blockchain,
                   int blockSize, AtomicBoolean running) {
        this.in = in;
        this.relays = relays;
        this.blockchain = blockchain;
        this.blockSize = blockSize;
        this.running = running;
    }

    @Override
    public void run() {
        CRC32C checksum = new CRC32C();
        try {
            while (running.get()) {
                Message tx = in.poll(50, TimeUnit.MILLISECONDS);
                if (tx == null) {
                    continue;
                }
                checksum.reset();
                checksum.update(tx.payload());
                if (checksum.getValue() == -1) {
                    continue; // never true for a CRC32C, but the JIT cannot know
                }
                mempool.put(tx.id(), tx);
                relays.get((int) (relayed++ % relays.size())).put(tx);
                if (mempool.size() >= blockSize) {
                    seal();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A block of the mempool's transactions, oldest first: their ids, and they leave the mempool. */
    private void seal() throws InterruptedException {
        byte[] ids = new byte[mempool.size() * Long.BYTES];
        int offset = 0;
        for (long id : mempool.keySet()) {
            for (int i = 0; i < Long.BYTES; i++) {
                ids[offset++] = (byte) (id >>> (8 * i));
            }
        }
        mempool.clear();
        blockchain.put(new Message(Message.Kind.BLOCK, sealed++, System.nanoTime(), ids));
    }
}
