package org.jkeras.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.jkeras.KerasModel;

/**
 * A long soak, not a test: one model, {@code threads} callers, {@code total} single-row predictions; prints the
 * live heap after a full GC every tenth of the run, and checks each answer against the first one for its row.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.jkeras.benchmarks.Soak \
 *     testmodels/keras3/mlp_784_256_128_10/model.keras 1000000 2</pre>
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args.length > 0 ? args[0] : "testmodels/keras3/mlp_784_256_128_10/model.keras");
        long total = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        KerasModel m = KerasModel.load(model);
        int width = m.inputShapes().get(0).size();
        float[][] rows = new float[64][width];
        Random r = new Random(1);
        for (float[] row : rows) for (int i = 0; i < width; i++) row[i] = r.nextFloat();
        float[][] expected = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) expected[i] = m.predict(new float[][] {rows[i]})[0];

        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong done = new AtomicLong(), wrong = new AtomicLong();
        long step = Math.max(1, total / 10), start = System.nanoTime();
        System.out.printf("soak: %s, %,d predictions on %d threads%n", model, total, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (long mark = step; mark <= total; mark += step) {
            long target = mark;
            Future<?>[] f = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                f[t] = pool.submit(() -> {
                    long i;
                    while ((i = done.getAndIncrement()) < target) {
                        int k = (int) (i % rows.length);
                        if (!Arrays.equals(m.predict(new float[][] {rows[k]})[0], expected[k])) wrong.incrementAndGet();
                    }
                    done.decrementAndGet();
                });
            }
            for (Future<?> x : f) x.get();
            done.set(target);
            System.gc();
            System.out.printf("  %,12d predictions  %6.1f s  live heap %6.1f MiB  wrong %d%n", target, (System.nanoTime() - start) / 1e9,
                    mem.getHeapMemoryUsage().getUsed() / 1048576.0, wrong.get());
        }
        pool.shutdown();
        if (wrong.get() != 0) System.exit(1);
    }
}
