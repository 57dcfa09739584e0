package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.ops.BinaryOp;

/**
 * A residual sum (an {@code Add} layer, or {@code keras.ops.add} / {@code x + y} of two tensors) and the last-axis
 * {@link LayerNormalization} that alone reads it, as one node (made by {@code Fusion}; a transformer block's
 * {@code LayerNormalization(x + sublayer(x))}): each row's sum is written once and normalised in place while in
 * L1, so the sum is never a tensor of its own. Same bits as the two layers; when the operands' shapes differ (a sum
 * that broadcasts), the two layers run one after the other. Masks as the sum's (the normalisation passes its
 * input's mask on). The node produces the normalisation's output.
 */
public final class AddNormalization extends FusedPair {
    private final LayerNormalization norm;

    /** {@code add}: an Add, or a BinaryOp adding two inputs. */
    public AddNormalization(Layer add, LayerNormalization norm) {
        super(add, norm.name());
        if (!fuses(add)) throw new IllegalArgumentException(add + " is not a sum of its inputs");
        this.norm = norm;
    }

    /** Whether {@code layer} sums its inputs elementwise in input order: an Add layer or an op node adding two tensors. */
    public static boolean fuses(Layer layer) {
        return layer instanceof Add || layer instanceof BinaryOp op && op.addsTwoInputs();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return norm.outputShape(List.of(first.outputShape(inputs)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Shape shape = inputs.get(0).shape();
        boolean same = inputs.size() > 1;
        for (Tensor t : inputs) same &= t.shape().equals(shape);
        if (!same || !norm.lastAxisOnly(shape.rank() - 1)) return norm.forward(List.of(first.forward(inputs)));
        int n = shape.dim(-1), size = shape.size(), rows = n == 0 ? 0 : size / n, per = LayerNormalization.ROWS_PER_TASK;
        float[][] x = new float[inputs.size()][];
        for (int k = 0; k < x.length; k++) x[k] = inputs.get(k).data();
        float[] y = Arena.floats(size); // every element written
        Parallel.parallelFor((rows + per - 1) / per, 9L * size, t -> {
            for (int r = t * per, end = Math.min(rows, r + per); r < end; r++) {
                int o = r * n;
                System.arraycopy(x[0], o, y, o, n); // as Add and BinaryOp: the first input, then each other added in order
                for (int k = 1; k < x.length; k++) {
                    float[] z = x[k];
                    for (int i = o; i < o + n; i++) y[i] += z[i];
                }
                norm.normalizeRow(y, o, y, o, n);
            }
        });
        return new Tensor(shape, y);
    }

    @Override
    public long paramCount() {
        return norm.paramCount();
    }

    @Override
    public String details() {
        return "fused " + norm.name() + " (LayerNormalization " + norm.details() + ")";
    }
}
