package org.jkeras;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a model's prediction time goes, by layer: what {@link KerasModel#profile} measures.
 *
 * @param calls   calls measured
 * @param batch   rows per call
 * @param threads threads each call used
 * @param totalNanos wall time of all measured calls
 * @param layers  one entry per graph node in run order (a chain of Dense layers run as one kernel is timed on its
 *                first layer; the others show 0)
 */
public record Profile(int calls, int batch, int threads, long totalNanos, List<Entry> layers) {
    /**
     * One node's time.
     *
     * @param layer       the layer's name
     * @param kerasClass  its Keras class
     * @param outputShape its first output's per-sample shape
     * @param nanos       its wall time summed over the calls
     */
    public record Entry(String layer, String kerasClass, String outputShape, long nanos) {
    }

    /** Constructs a profile; the list is copied. */
    public Profile {
        layers = List.copyOf(layers);
    }

    /** Milliseconds per call, all layers. */
    public double millisPerCall() {
        return totalNanos / 1e6 / calls;
    }

    /** Nanoseconds summed over the calls, by Keras class, largest first. */
    public Map<String, Long> byClass() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Entry e : layers) m.merge(e.kerasClass(), e.nanos(), Long::sum);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(m.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> r = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : sorted) r.put(e.getKey(), e.getValue());
        return r;
    }

    /** A table: time per Keras class, then the {@code top} slowest layers, each in ms per call and share of the total. */
    public String table(int top) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.3f ms per call (batch %d, %d thread%s, %d calls)%n",
                millisPerCall(), batch, threads, threads == 1 ? "" : "s", calls));
        long sum = Math.max(1, layers.stream().mapToLong(Entry::nanos).sum());
        b.append(String.format(Locale.ROOT, "%-28s %10s %7s%n", "class", "ms/call", "share"));
        for (Map.Entry<String, Long> e : byClass().entrySet()) {
            b.append(String.format(Locale.ROOT, "%-28s %10.3f %6.1f%%%n", e.getKey(), e.getValue() / 1e6 / calls, 100.0 * e.getValue() / sum));
        }
        List<Entry> slow = new ArrayList<>(layers);
        slow.sort(Comparator.comparingLong(Entry::nanos).reversed());
        b.append(String.format(Locale.ROOT, "%n%-36s %-24s %-18s %10s %7s%n", "layer", "class", "output", "ms/call", "share"));
        for (Entry e : slow.subList(0, Math.min(top, slow.size()))) {
            b.append(String.format(Locale.ROOT, "%-36s %-24s %-18s %10.3f %6.1f%%%n", e.layer(), e.kerasClass(), e.outputShape(),
                    e.nanos() / 1e6 / calls, 100.0 * e.nanos() / sum));
        }
        return b.toString();
    }
}
