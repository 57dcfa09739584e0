package org.jkeras.runtime.kernels;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The kernels' thread pools: by default {@code jkeras.threads} threads (default: available processors), the
 * calling thread being one of them; a model loaded with its own thread count runs its calls inside
 * {@link #withThreads}, on a pool of that size shared by every model that asks for it. {@link #parallelFor} hands out task indices dynamically; callers make every
 * task write disjoint outputs with a fixed per-element operation order, so results never depend on the thread
 * count or on which thread ran which task.
 *
 * <p>A helper that finishes its work spins for {@link #SPIN_NANOS} before it blocks: a model's next parallel
 * layer, or the next call, usually comes within that, and waking a blocked thread took long enough that the
 * caller had done most of the work alone (CNN at batch 64 on 2 threads: the helper ran a quarter of it). Work
 * below {@link #INLINE_WORK} never reaches the helpers, so a stream of small calls never spins them.
 */
public final class Parallel {
    /** Below this much work (FLOPs or comparable units, ~5 µs of one core) a handoff costs more than it saves. */
    public static final long INLINE_WORK = 1L << 20;

    /** How long an idle helper keeps looking for work before it blocks. */
    static final long SPIN_NANOS = 50_000;

    private static final ThreadLocal<Boolean> IN_POOL = ThreadLocal.withInitial(() -> false);
    /** The thread count of the call running on this thread, 0 when it uses the default. */
    private static final ThreadLocal<int[]> CALL_THREADS = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile int threads = initialThreads();
    // n - 1 helpers per thread count n in use, created on first parallel use; guarded by Parallel.class
    private static final Map<Integer, Helpers> POOLS = new HashMap<>();

    private Parallel() {
    }

    private static int initialThreads() {
        String s = System.getProperty("jkeras.threads");
        if (s == null || s.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property jkeras.threads must be a positive integer, got '" + s + "'");
    }

    /** Threads {@link #parallelFor} uses on this thread, the caller included: the call's own count, else the default. */
    public static int threads() {
        int own = CALL_THREADS.get()[0];
        return own > 0 ? own : threads;
    }

    /** The default thread count, used by calls that set none. */
    public static int defaultThreads() {
        return threads;
    }

    /**
     * Sets the default thread count (≥ 1); 1 runs everything on the caller. In-flight loops finish on the old
     * pool, which ends unless a call set to that count still uses it.
     */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n == threads) return;
        Helpers old = POOLS.remove(threads);
        if (old != null) old.shutdown();
        threads = n;
    }

    /**
     * Runs {@code body} on the calling thread with {@code n} threads for its parallel loops ({@code n} ≤ 0: the
     * default); calls nest, the innermost count winning.
     */
    public static <T> T withThreads(int n, java.util.function.Supplier<T> body) {
        int[] own = CALL_THREADS.get();
        int before = own[0];
        own[0] = Math.max(0, n);
        try {
            return body.get();
        } finally {
            own[0] = before;
        }
    }

    private static synchronized Helpers pool(int n) {
        Helpers p = POOLS.get(n);
        if (p == null || p.stopped) {
            p = new Helpers(n - 1);
            POOLS.put(n, p);
        }
        return p;
    }

    /** Daemon threads taking jobs from one queue, spinning {@link #SPIN_NANOS} after each before they block. */
    private static final class Helpers {
        private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        private final Thread[] threads;
        private volatile boolean stopped;

        Helpers(int n) {
            threads = new Thread[n];
            for (int i = 0; i < n; i++) {
                threads[i] = new Thread(this::loop, "jkeras-" + (i + 1));
                threads[i].setDaemon(true);
                threads[i].start();
            }
        }

        void submit(Runnable job) {
            queue.offer(job);
        }

        /** Helpers finish the job in hand and end; jobs still queued are dropped (their callers drain them). */
        void shutdown() {
            stopped = true;
            for (Thread t : threads) t.interrupt();
        }

        private void loop() {
            IN_POOL.set(true);
            while (!stopped) {
                long until = System.nanoTime() + SPIN_NANOS;
                while (queue.isEmpty() && System.nanoTime() < until) Thread.onSpinWait();
                Runnable job;
                try {
                    job = queue.isEmpty() ? queue.take() : queue.poll();
                } catch (InterruptedException e) {
                    continue; // shutdown() interrupts: the loop condition decides
                }
                if (job != null && !stopped) job.run();
            }
        }
    }

    /** Runs {@code body(i)} for i in [0, n), in parallel when worth it. Same as {@code parallelFor(n, Long.MAX_VALUE, body)}. */
    public static void parallelFor(int n, IntConsumer body) {
        parallelFor(n, Long.MAX_VALUE, body);
    }

    /**
     * Runs {@code body(i)} for every i in [0, n) and returns when all are done. {@code work} is the total cost
     * (e.g. FLOPs): below {@link #INLINE_WORK}, with one thread, one task, or when called from a pool thread
     * (nested loops), everything runs on the caller in index order. After a task fails no new task starts;
     * the first exception is rethrown once the tasks in flight end.
     */
    public static void parallelFor(int n, long work, IntConsumer body) {
        int t = threads();
        if (n <= 1 || t == 1 || work < INLINE_WORK || IN_POOL.get()) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        int helpers = Math.min(t, n) - 1;
        AtomicInteger next = new AtomicInteger(), finished = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain = () -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    if (failure.get() == null) body.accept(i);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.incrementAndGet();
                }
            }
        };
        Helpers p = pool(t);
        for (int h = 0; h < helpers; h++) p.submit(drain); // a pool setThreads() retired meanwhile drops them: the caller drains the rest
        drain.run();
        // Wait for the tasks helpers took, not for the helpers: one that wakes late finds nothing left and
        // costs the caller nothing. Tasks in flight are short (one row chunk): spin, then yield, then nap.
        for (int spins = 0; finished.get() < n; spins++) {
            if (spins < 10_000) Thread.onSpinWait();
            else if (spins < 20_000) Thread.yield();
            else LockSupport.parkNanos(50_000);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        if (e != null) throw new IllegalStateException(e);
    }
}
