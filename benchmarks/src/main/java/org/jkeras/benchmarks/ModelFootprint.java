package org.jkeras.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;

/**
 * What a model costs besides its steady-state speed: for each model file, in a fresh JVM of its own (this main
 * re-launches itself per model with {@code -Xmx3g -Djkeras.threads=1}, so every model gets a clean heap and cold
 * classes), prints one Markdown row of
 * <ul>
 * <li>the file size;</li>
 * <li>load: the wall time of {@code KerasModel.load}, classes cold;</li>
 * <li>first call: the first {@code predict} at batch 1, no warm-up;</li>
 * <li>batch 1 and batch 16: the median of {@value #CALLS} calls after {@code warmUp()} and about 3 s more calls at that
 * batch size;</li>
 * <li>retained: used heap after load and {@code System.gc()}, minus the same before load (weights, packed kernels,
 * the graph);</li>
 * <li>live peak: the most heap in use right after any collection during the calls above (what survived: the model
 * and the tensors alive at that moment), the figure to size {@code -Xmx} by;</li>
 * <li>peak: after load and {@code System.gc()} every heap pool's peak is reset, then the calls above run; the sum of
 * the pools' peaks. Each pool peaks at its own moment and the young pools hold garbage until a collection, so this
 * is an upper bound on what the calls needed, set partly by the collector's sizing of the young generation.</li>
 * </ul>
 * Inputs are made up as {@link ZooBenchmark} makes them.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.jkeras.benchmarks.ModelFootprint /tmp/perfmodels/*&#47;model.keras</pre>
 */
public final class ModelFootprint {
    private static final int CALLS = 10;
    private static final long WARM_NANOS = 3_000_000_000L;
    private static final String ONE = "--one";

    private ModelFootprint() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals(ONE)) {
            System.out.println(row(Path.of(args[1])));
            return;
        }
        System.out.println("| model | file (MB) | load (ms) | first call, batch 1 (ms) | batch 1 (ms) | batch 16 (ms) | retained heap (MB) | live peak (MB) | peak heap during predict (MB) |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String model : args) {
            List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-Xmx3g", "-Djkeras.threads=1",
                    "-cp", System.getProperty("java.class.path"), ModelFootprint.class.getName(), ONE, model));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String row = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) if (line.startsWith("|")) row = line;
            }
            int rc = p.waitFor();
            System.out.println(rc == 0 && row != null ? row : "| " + name(Path.of(model)) + " | failed (exit " + rc + ") |");
        }
    }

    /** Measures one model in this JVM, which must not have loaded a model before. */
    private static String row(Path file) throws IOException {
        long size = Files.size(file);
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        KerasModel m = KerasModel.load(file);
        double load = (System.nanoTime() - t0) / 1e6;
        long retained = usedAfterGc() - before;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(b -> b.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong live = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                long used = info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> isHeap(heap, e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                live.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        Tensor[] one = ZooBenchmark.inputs(m, 1, 7), sixteen = ZooBenchmark.inputs(m, 16, 7);
        long t1 = System.nanoTime();
        m.predict(one);
        double first = (System.nanoTime() - t1) / 1e6;
        m.warmUp();
        double b1 = median(m, one), b16 = median(m, sixteen);
        long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.0f | %.1f | %.1f | %.0f | %.0f | %.0f |", name(file), size / 1e6, load, first, b1, b16,
                retained / 1e6, Math.max(live.get(), usedAfterGc()) / 1e6, peak / 1e6);
    }

    private static double median(KerasModel m, Tensor[] in) {
        // warmUp stops at the first call no faster than the one before, well before C2 is done: ~3 s more, as JMH warms up
        long start = System.nanoTime();
        for (int c = 0; c < 3 || System.nanoTime() - start < WARM_NANOS; c++) m.predict(in);
        double[] ms = new double[CALLS];
        for (int c = 0; c < CALLS; c++) {
            long t = System.nanoTime();
            m.predict(in);
            ms[c] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return (ms[CALLS / 2 - 1] + ms[CALLS / 2]) / 2;
    }

    private static boolean isHeap(List<MemoryPoolMXBean> heap, String pool) {
        return heap.stream().anyMatch(b -> b.getName().equals(pool));
    }

    private static long usedAfterGc() {
        // Twice: the first collection may leave objects to be finalized or reference-processed for the next.
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The directory name for {@code make_perf_models.py}'s {@code NAME/model.keras} layout, else the file name. */
    private static String name(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return file.getFileName().toString().startsWith("model.") && dir != null && dir.getFileName() != null ? dir.getFileName().toString()
                : file.getFileName().toString();
    }
}
