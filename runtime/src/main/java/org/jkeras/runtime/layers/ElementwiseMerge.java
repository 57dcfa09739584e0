package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.ops.Broadcast;

/**
 * Keras' elementwise merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum): the inputs folded
 * left to right, {@code out = combine(...combine(in0, in1)..., inN)}, with NumPy broadcasting of the sample
 * shapes (aligned from the right), as {@code keras.layers.Add} and friends compute in float32.
 * The output mask follows the file's Keras generation ({@link Masks#merge}); Keras 3 also changes the values of
 * Maximum, Minimum and Multiply at masked steps ({@link MaskedSteps}).
 */
public abstract class ElementwiseMerge extends Layer {

    /** What Keras 3 puts at an input's masked steps before folding it in; Keras 1/2 always use the values as they are. */
    protected enum MaskedSteps {
        /** Add, Subtract, Average: the values as they are. */
        KEPT,
        /**
         * Maximum, Minimum ({@code Merge._apply_merge_op_and_or_mask}): a masked step of the next input takes the
         * running result's value, a masked step of the running result the next input's, then the two are combined.
         */
        OTHER_OPERAND,
        /** Multiply: a masked step counts as 1; with every input masked, a step that none keeps gives 0. */
        ONE
    }

    private final Semantics semantics; // the generation whose mask rules apply

    /** A merge with Keras 3's mask rules. */
    protected ElementwiseMerge(String name) {
        this(name, Semantics.KERAS_3);
    }

    protected ElementwiseMerge(String name, Semantics semantics) {
        super(name);
        this.semantics = semantics;
    }

    /** How Keras 3 treats masked steps in this merge's values. */
    protected MaskedSteps maskedSteps() {
        return MaskedSteps.KEPT;
    }

    /** One step of the fold. */
    protected abstract float combine(float acc, float x);

    /**
     * {@code out[o + k] = combine(out[o + k], x[xo + k])} for k in [0, n). Subclasses override it with the same
     * operation as a plain loop, which the JIT vectorises; here {@code combine} is a virtual call per element.
     */
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = combine(out[o + k], x[xo + k]);
    }

    /** Applied to the folded value; Average divides by the number of inputs. */
    protected float finish(float acc, int inputs) {
        return acc;
    }

    /** Inputs this merge accepts: at least 2 (Subtract: exactly 2). */
    protected void checkCount(int n) {
        if (n < 2) throw new IllegalArgumentException(kerasClass() + " '" + name() + "' needs at least 2 inputs, got " + n);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        checkCount(inputs.size());
        Shape out = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) out = broadcast(out, inputs.get(i));
        return out;
    }

    private Shape broadcast(Shape a, Shape b) {
        return broadcast(a, b, kerasClass() + " '" + name() + "'");
    }

    /** NumPy broadcasting of two shapes aligned from the right; an unknown dimension meets any other. */
    static Shape broadcast(Shape a, Shape b, String who) {
        return Broadcast.shapes(a, b, who);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        int batch = batch(inputs);
        Shape sample = inputs.get(0).shape().dropFirst();
        boolean same = true;
        for (Tensor t : inputs) {
            sample = broadcast(sample, t.shape().dropFirst());
            same &= t.shape().equals(inputs.get(0).shape());
        }
        Shape outShape = sample.prepend(batch);
        float[] out;
        Tensor first = inputs.get(0);
        if (first.shape().equals(outShape)) {
            out = Arena.floats(first.size()); // every element written
            System.arraycopy(first.data(), 0, out, 0, out.length);
        } else {
            out = expand(first, outShape);
        }
        for (int i = 1; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            int run = same || t.shape().equals(outShape) ? out.length : trailingRun(t.shape(), outShape);
            if (run == out.length) {
                combineRun(out, 0, t.data(), 0, out.length);
            } else if (run > 0) {
                // t holds one run per sample (or one for the batch), repeated along the leading axes: (1, 1, C) on (H, W, C)
                int perSample = outShape.size() / Math.max(1, batch), tRuns = t.batch() == batch ? batch : 1;
                for (int o = 0; o < out.length; o += run) combineRun(out, o, t.data(), tRuns == 1 ? 0 : o / perSample * run, run);
            } else {
                combineRun(out, 0, expand(t, outShape), 0, out.length);
            }
        }
        int n = inputs.size();
        for (int k = 0; k < out.length; k++) out[k] = finish(out[k], n);
        return new Tensor(outShape, out);
    }

    /** The batch of the output: a constant operand (Keras evaluated it eagerly) has a batch of 1 and is broadcast. */
    private static int batch(List<Tensor> inputs) {
        int b = 1;
        for (Tensor t : inputs) b = Math.max(b, t.batch());
        return b;
    }

    /** Keras {@code Merge.compute_mask} of the file's generation. */
    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return Masks.merge(masks, semantics);
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return List.of(Masks.merged(inputsMasked, semantics));
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        boolean any = false;
        for (Mask m : masks) any |= m != null;
        if (!any || semantics != Semantics.KERAS_3 || maskedSteps() == MaskedSteps.KEPT) return List.of(forward(inputs));
        return List.of(maskedForward(inputs, masks));
    }

    /**
     * Keras 3 Maximum, Minimum and Multiply on masked inputs, in the output's (batch, steps, features) shape. An input
     * of lower rank than the others is expanded by Keras first and so loses its mask.
     */
    private Tensor maskedForward(List<Tensor> inputs, List<Mask> masks) {
        int batch = batch(inputs), maxRank = 0;
        Shape sample = inputs.get(0).shape().dropFirst();
        for (Tensor t : inputs) {
            sample = broadcast(sample, t.shape().dropFirst());
            maxRank = Math.max(maxRank, t.shape().rank());
        }
        Shape outShape = sample.prepend(batch);
        if (outShape.rank() != 3) {
            throw new PredictException(kerasClass() + " '" + name() + "': Keras 3 applies a timestep mask only to (batch, steps, features) inputs, got "
                    + outShape);
        }
        int steps = outShape.dim(1), perStep = outShape.dim(2);
        boolean one = maskedSteps() == MaskedSteps.ONE, everyMasked = true;
        for (int i = 0; i < inputs.size(); i++) everyMasked &= masks.get(i) != null && inputs.get(i).shape().rank() == maxRank;
        float[] out = null;
        boolean[] outKeep = null; // (batch, steps), null: the running result has no mask
        for (int i = 0; i < inputs.size(); i++) {
            Tensor t = inputs.get(i);
            float[] x = t.shape().equals(outShape) ? t.data().clone() : expand(t, outShape);
            boolean[] keep = t.shape().rank() == maxRank ? steps(masks.get(i), batch, steps) : null;
            if (one) {
                for (int k = 0; keep != null && k < x.length; k++) if (!keep[k / perStep]) x[k] = 1f;
                if (out != null) for (int k = 0; k < x.length; k++) x[k] = combine(out[k], x[k]);
                out = x;
                if (everyMasked) outKeep = or(outKeep, keep);
            } else if (out == null) {
                out = x;
                outKeep = keep;
            } else {
                for (int k = 0; k < x.length; k++) {
                    int s = k / perStep;
                    float xv = keep == null || keep[s] ? x[k] : out[k];
                    float ov = outKeep == null || outKeep[s] ? out[k] : xv;
                    out[k] = combine(ov, xv);
                }
                outKeep = keep == null || outKeep == null ? null : or(outKeep, keep);
            }
        }
        if (one && everyMasked) for (int k = 0; k < out.length; k++) if (!outKeep[k / perStep]) out[k] = 0f;
        for (int k = 0; k < out.length; k++) out[k] = finish(out[k], inputs.size());
        return new Tensor(outShape, out);
    }

    /** A mask as (batch, steps) flags, a one-step mask repeated over the steps (Keras broadcasts it); null stays null. */
    private boolean[] steps(Mask m, int batch, int steps) {
        if (m == null) return null;
        if (m.batch() != batch || (m.steps() != steps && m.steps() != 1)) {
            throw new PredictException(kerasClass() + " '" + name() + "': a mask of " + m.batch() + " x " + m.steps() + " steps for an output of "
                    + batch + " x " + steps);
        }
        boolean[] keep = new boolean[batch * steps];
        for (int b = 0; b < batch; b++) for (int t = 0; t < steps; t++) keep[b * steps + t] = m.keep(b, m.steps() == 1 ? 0 : t);
        return keep;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        if (a == null) return b == null ? null : b.clone();
        boolean[] r = a.clone();
        for (int i = 0; b != null && i < r.length; i++) r[i] |= b[i];
        return r;
    }

    /**
     * The length of the contiguous run {@code t} repeats along {@code out}'s leading sample axes: its sample is all
     * ones but for trailing axes equal to {@code out}'s, and its batch is {@code out}'s or 1; 0 when it is not of
     * that form (it is then expanded).
     */
    static int trailingRun(Shape t, Shape out) {
        if (t.rank() > out.rank() || t.rank() < 1 || t.dim(0) != out.dim(0) && t.dim(0) != 1) return 0;
        int offset = out.rank() - t.rank(), run = 1;
        boolean trailing = true;
        for (int a = t.rank() - 1; a >= 1; a--) {
            int d = t.dim(a);
            if (trailing && d == out.dim(a + offset)) {
                run *= d;
            } else if (d == 1) {
                trailing = false;
            } else {
                return 0;
            }
        }
        int perSample = 1;
        for (int a = 1; a < out.rank(); a++) perSample *= out.dim(a);
        return run == 0 || perSample % run != 0 ? 0 : run;
    }

    /** {@code t} broadcast to {@code shape} (batch axis included), as a new array. */
    static float[] expand(Tensor t, Shape shape) {
        int rank = shape.rank();
        int[] src = new int[rank];
        Shape ts = t.shape();
        // the batch axis stays first; sample axes align from the right
        src[0] = ts.dim(0);
        int sampleRank = ts.rank() - 1;
        for (int i = 1; i < rank; i++) {
            int j = i - (rank - 1 - sampleRank);
            src[i] = j >= 1 ? ts.dim(j) : 1;
        }
        int[] stride = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; i--) {
            stride[i] = src[i] == 1 ? 0 : s;
            s *= src[i];
        }
        float[] in = t.data(), out = new float[shape.size()];
        int[] idx = new int[rank];
        int off = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = in[off];
            for (int a = rank - 1; a >= 0; a--) {
                off += stride[a];
                if (++idx[a] < shape.dim(a)) break;
                off -= stride[a] * shape.dim(a);
                idx[a] = 0;
            }
        }
        return out;
    }
}
