package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.jkeras.KerasModel;
import org.jkeras.runtime.kernels.Parallel;

/**
 * One model, many threads: every row any thread gets equals, bit for bit, what a single thread gets for that
 * row alone; and one call's result does not depend on the threads used inside it or on the batch split.
 */
class ConcurrencyTest {
    private static final Path MLP = GoldenCase.root().resolve("keras3").resolve("mlp_784_256_128_10").resolve("model.keras");
    private static final int ROWS = 300;

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    private static float[][] rows(long seed) {
        Random r = new Random(seed);
        float[][] x = new float[ROWS][784];
        for (float[] row : x) for (int i = 0; i < row.length; i++) row[i] = r.nextFloat();
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16})
    void callersOnManyThreadsGetTheSingleThreadedRows(int callers) throws Exception {
        KerasModel m = KerasModel.load(MLP);
        float[][] x = rows(callers);
        float[][] reference = new float[ROWS][];
        for (int i = 0; i < ROWS; i++) reference[i] = m.predict(new float[][] {x[i]})[0];
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<int[]>> done = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    start.await();
                    Random r = new Random(id);
                    int calls = 0, mismatches = 0;
                    for (int c = 0; c < 40; c++, calls++) {
                        int from = r.nextInt(ROWS), n = 1 + r.nextInt(Math.min(ROWS - from, 97));
                        float[][] batch = java.util.Arrays.copyOfRange(x, from, from + n);
                        float[][] y = m.predict(batch);
                        for (int i = 0; i < n; i++) if (!java.util.Arrays.equals(y[i], reference[from + i])) mismatches++;
                    }
                    return new int[] {calls, mismatches};
                }));
            }
            start.countDown();
            for (Future<int[]> f : done) {
                int[] res = f.get();
                assertEquals(40, res[0]);
                assertEquals(0, res[1], "rows that differ from the single-threaded result");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resultsDoNotDependOnInnerThreadsOrBatchSplit() {
        KerasModel m = KerasModel.load(MLP);
        float[][] x = rows(99);
        Parallel.setThreads(1);
        float[][] one = m.predict(x);
        for (int threads : new int[] {2, 3, 4}) {
            Parallel.setThreads(threads);
            float[][] y = m.predict(x);
            for (int i = 0; i < ROWS; i++) assertArrayEquals(one[i], y[i], threads + " threads, row " + i);
        }
        // the same rows cut into batches of another size
        for (int size : new int[] {1, 7, 64}) {
            for (int from = 0; from < ROWS; from += size) {
                float[][] y = m.predict(java.util.Arrays.copyOfRange(x, from, Math.min(ROWS, from + size)));
                for (int i = 0; i < y.length; i++) assertArrayEquals(one[from + i], y[i], "batch " + size + ", row " + (from + i));
            }
        }
    }
}
