package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    @Test
    void everyIndexRunsExactlyOnce() {
        for (int t : new int[]{1, 2, 3, 4}) {
            Parallel.setThreads(t);
            assertEquals(t, Parallel.threads());
            for (int n : new int[]{0, 1, 2, 5, 100}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(n, 1));
                Parallel.parallelFor(n, i -> runs.incrementAndGet(i));
                for (int i = 0; i < n; i++) assertEquals(1, runs.get(i), "threads " + t + " n " + n + " index " + i);
            }
        }
    }

    @Test
    void tinyWorkStaysOnTheCaller() {
        Parallel.setThreads(4);
        Thread caller = Thread.currentThread();
        Parallel.parallelFor(8, Parallel.INLINE_WORK - 1, i -> assertSame(caller, Thread.currentThread()));
    }

    @Test
    void largeWorkUsesThePool() throws Exception {
        Parallel.setThreads(2);
        var threads = ConcurrentHashMap.<Thread>newKeySet();
        for (int attempt = 0; attempt < 50 && threads.size() < 2; attempt++) {
            Parallel.parallelFor(64, i -> {
                threads.add(Thread.currentThread());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertEquals(2, threads.size());
    }

    /** After its work a helper spins for a moment only, then blocks: an idle pool burns no CPU. */
    @Test
    void idleHelpersBlock() throws Exception {
        Parallel.setThreads(2);
        var helpers = ConcurrentHashMap.<Thread>newKeySet();
        for (int attempt = 0; attempt < 50 && helpers.isEmpty(); attempt++) {
            Thread caller = Thread.currentThread();
            Parallel.parallelFor(64, i -> {
                if (Thread.currentThread() != caller) helpers.add(Thread.currentThread());
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertEquals(1, helpers.size());
        Thread helper = helpers.iterator().next();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (helper.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(1);
        assertEquals(Thread.State.WAITING, helper.getState(), "a helper still busy " + Parallel.SPIN_NANOS / 1000 + " µs after its work");
    }

    @Test
    void firstFailureIsRethrown() {
        Parallel.setThreads(3);
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.parallelFor(50, i -> {
            if (i == 17) throw boom;
        }));
        assertSame(boom, e);
        AtomicIntegerArray runs = new AtomicIntegerArray(10); // the pool still works afterwards
        Parallel.parallelFor(10, runs::incrementAndGet);
        for (int i = 0; i < 10; i++) assertEquals(1, runs.get(i));
    }

    @Test
    void nestedLoopsDoNotDeadlock() {
        Parallel.setThreads(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        Parallel.parallelFor(16, i -> Parallel.parallelFor(16, j -> runs.incrementAndGet(i * 16 + j)));
        for (int i = 0; i < runs.length(); i++) assertEquals(1, runs.get(i));
    }

    @Test
    void badThreadCountIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
        assertTrue(e.getMessage().contains("threads must be >= 1, got 0"));
    }
}
