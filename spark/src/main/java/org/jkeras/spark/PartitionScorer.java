package org.jkeras.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.sql.Row;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

import scala.Tuple2;

/**
 * Scores one partition as it streams: up to {@code batchSize} valid rows per {@code predict} call, rows copied into
 * one flat array per input (no boxing), results handed back in the rows' order. A batch is also cut where the length
 * of an open dimension (a sequence's) changes from one row to the next. Never holds more than one batch.
 */
final class PartitionScorer implements Iterator<Tuple2<Row, Scored>> {
    private final Plan plan;
    private final KerasModel model;
    private final Iterator<Tuple2<Row, Features>> rows;
    private final int partition;
    private final ArrayDeque<Tuple2<Row, Scored>> ready = new ArrayDeque<>();
    private Pending pending; // a valid row read past the end of the last batch (its open dimensions differ)
    private long position;   // of the next row read, in the partition
    private final int restoredCount;

    /** A row read, with what is wrong with it (null: valid) and, when valid, the lengths of its open dimensions. */
    private record Pending(Tuple2<Row, Features> row, String problem, int[] open) {
    }

    PartitionScorer(Plan plan, KerasModel model, Iterator<Tuple2<Row, Features>> rows, int partition) {
        this.plan = plan;
        this.model = model;
        this.rows = rows;
        this.partition = partition;
        this.restoredCount = (int) Arrays.stream(plan.restored()).filter(r -> r >= 0).count();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && (pending != null || rows.hasNext())) scoreBatch();
        return !ready.isEmpty();
    }

    @Override
    public Tuple2<Row, Scored> next() {
        if (!hasNext()) throw new NoSuchElementException();
        return ready.poll();
    }

    private void scoreBatch() {
        List<Pending> batch = new ArrayList<>();
        int[] open = null;
        int valid = 0;
        while (valid < plan.batchSize() && (pending != null || rows.hasNext())) {
            Pending p = pending != null ? pending : read(rows.next());
            pending = null;
            if (p.problem != null) {
                if (plan.invalid() == Plan.Invalid.KEEP) batch.add(p);
                continue;
            }
            if (valid > 0 && !Arrays.equals(open, p.open)) {
                pending = p;
                break;
            }
            open = p.open;
            batch.add(p);
            valid++;
        }
        float[][][] outputs = valid == 0 ? null : predict(batch, valid, open);
        int v = 0;
        for (Pending p : batch) {
            if (p.problem != null) {
                ready.add(new Tuple2<>(p.row._1(), new Scored(null, null)));
                continue;
            }
            float[][] out = new float[outputs.length][];
            for (int f = 0; f < out.length; f++) out[f] = outputs[f][v];
            ready.add(new Tuple2<>(p.row._1(), new Scored(out, restored(p.row._2()))));
            v++;
        }
    }

    /** Checks a row; under "error" a bad row fails the task here, naming its column, partition and position. */
    private Pending read(Tuple2<Row, Features> row) {
        long at = position++;
        List<Plan.Feed> feeds = plan.feeds();
        float[][] in = row._2().getInputs();
        boolean[] nulls = row._2().getNulls();
        int[] open = null;
        for (int i = 0; i < feeds.size(); i++) {
            Plan.Feed feed = feeds.get(i);
            float[] x = in == null ? null : in[i];
            String problem = problem(feed, x, nulls != null && nulls[i]);
            if (problem != null) {
                String message = "column '" + feed.column() + "' (model input '" + feed.input() + "'), partition " + partition + ", row " + at + ": " + problem;
                if (plan.invalid() == Plan.Invalid.ERROR) {
                    throw new KerasSparkException(message + " (setHandleInvalid(\"skip\") drops such rows, \"keep\" gives them null outputs)");
                }
                return new Pending(row, message, null);
            }
            int axis = feed.openAxis();
            if (axis >= 0) {
                if (open == null) open = new int[feeds.size()];
                open[i] = x.length / feed.knownSize();
            }
        }
        return new Pending(row, null, open);
    }

    private static String problem(Plan.Feed feed, float[] x, boolean nullElement) {
        if (nullElement) return "a null value in the array";
        if (x == null) return "null";
        int known = feed.knownSize();
        if (feed.openAxis() < 0) {
            if (x.length != known) return x.length + " values, but a sample of shape " + feed.shapeText() + " has " + known;
        } else if (x.length == 0 || x.length % known != 0) {
            return x.length + " values, but a sample of shape " + feed.shapeText() + " has a positive multiple of " + known;
        }
        for (int k = 0; k < x.length; k++) {
            if (Float.isNaN(x[k])) return "NaN at index " + k;
        }
        return null;
    }

    /** Outputs per fetch, per valid row in batch order. */
    private float[][][] predict(List<Pending> batch, int n, int[] open) {
        List<Plan.Feed> feeds = plan.feeds();
        Tensor[] inputs = new Tensor[feeds.size()];
        for (int i = 0; i < inputs.length; i++) {
            Plan.Feed feed = feeds.get(i);
            int[] dims = new int[feed.sample().length + 1];
            dims[0] = n;
            for (int a = 0; a < feed.sample().length; a++) dims[a + 1] = feed.sample()[a] == Shape.UNKNOWN ? open[i] : feed.sample()[a];
            int size = Math.multiplyExact(n, feed.knownSize() * (feed.openAxis() < 0 ? 1 : open[i]));
            float[] data = new float[size];
            int offset = 0;
            for (Pending p : batch) {
                if (p.problem != null) continue;
                float[] x = p.row._2().getInputs()[i];
                System.arraycopy(x, 0, data, offset, x.length);
                offset += x.length;
            }
            inputs[i] = new Tensor(Shape.of(dims), data);
        }
        Tensor[] out = model.predict(inputs);
        float[][][] fetched = new float[plan.fetches().size()][][];
        for (int f = 0; f < fetched.length; f++) {
            Tensor t = out[plan.fetches().get(f).index()];
            if (t.shape().rank() == 0 || t.batch() != n) {
                throw new KerasSparkException("model output '" + plan.fetches().get(f).output() + "' has shape " + t.shape() + " for a batch of " + n
                        + " rows: not one result per row, so it cannot fill column '" + plan.fetches().get(f).column() + "'");
            }
            int size = t.size() / n;
            float[] data = t.data();
            float[][] rowsOut = new float[n][];
            for (int r = 0; r < n; r++) rowsOut[r] = Arrays.copyOfRange(data, r * size, (r + 1) * size);
            fetched[f] = rowsOut;
        }
        return fetched;
    }

    /** The row's array<float> inputs that go back into their columns from here (see {@link Plan#restored()}). */
    private float[][] restored(Features f) {
        if (restoredCount == 0) return null;
        int[] restored = plan.restored();
        float[][] out = new float[restoredCount][];
        for (int i = 0; i < restored.length; i++) if (restored[i] >= 0) out[restored[i]] = f.getInputs()[i];
        return out;
    }
}
