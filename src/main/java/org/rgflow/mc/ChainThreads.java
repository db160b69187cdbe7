package org.rgflow.mc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent per-chain work on a few threads. Chains are split into contiguous blocks, one per
 * thread; the calling thread runs block 0. Workers come from one shared pool of daemon threads that
 * die after 60 s idle, so no close() is needed. Because every chain owns its RNG, results do not depend
 * on the number of threads.
 */
final class ChainThreads {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "rgflow-mc-" + COUNTER.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private ChainThreads() {
    }

    /** Calls {@code work.accept(chain)} for every chain in [0, numChains), on up to {@code threads} threads. */
    static void forEachChain(int numChains, int threads, IntConsumer work) {
        int blocks = Math.min(threads, numChains);
        if (blocks <= 1) {
            for (int c = 0; c < numChains; c++) {
                work.accept(c);
            }
            return;
        }
        List<Future<?>> pending = new ArrayList<>(blocks - 1);
        for (int b = 1; b < blocks; b++) {
            int from = start(b, blocks, numChains);
            int to = start(b + 1, blocks, numChains);
            pending.add(POOL.submit(() -> {
                for (int c = from; c < to; c++) {
                    work.accept(c);
                }
            }));
        }
        RuntimeException failure = null;
        try {
            for (int c = 0, to = start(1, blocks, numChains); c < to; c++) {
                work.accept(c);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = new IllegalStateException("a chain worker failed: " + e.getCause(), e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for chain workers");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int start(int block, int blocks, int n) {
        return (int) ((long) block * n / blocks);
    }
}
