package io.sprint.opt.testapp;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Transactions arriving from the network at a fixed rate, handed to the mempool managers. */
final class TxSource {
    private final List<BlockingQueue<Message>> mempools;
    private final int rate;
    private final int payloadBytes;
    private long dropped;

    TxSource(List<BlockingQueue<Message>> mempools, int rate, int payloadBytes) {
        this.mempools = mempools;
        this.rate = rate;
        this.payloadBytes = payloadBytes;
    }

    /** Sends until {@code endNanos}; returns how many were sent. */
    long run(long endNanos) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long sent = 0;
        while (next < endNanos) {
            long now = System.nanoTime();
            if (now < next) {
                // parkNanos, not sleep: JDK 17's Thread.sleep rounds any sub-millisecond wait up to
                // 1 ms, which would send transactions in late bursts. (The timer slack still applies.)
                LockSupport.parkNanos(Math.min(next - now, 1_000_000));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                continue;
            }
            byte[] payload = new byte[payloadBytes];
            ThreadLocalRandom.current().nextBytes(payload);
            Message tx = new Message(Message.Kind.TX, sent, next, payload);
            if (mempools.get((int) (sent % mempools.size())).offer(tx, 10, TimeUnit.MILLISECONDS)) {
                sent++;
            } else {
                dropped++;
            }
            next += interval;
        }
        return sent;
    }

    long dropped() {
        return dropped;
    }
}
