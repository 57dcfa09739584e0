package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Bidirectional}: a forward and a backward (go_backwards) RNN over the same sequence. With
 * {@code return_sequences} the backward sequence is flipped back to time order; then the two are merged:
 * concat (last axis), sum, mul, ave ((y + y_rev) / 2), or none (two outputs y, y_rev). With {@code return_state}
 * the forward layer's states, then the backward layer's, follow. Initial states: the first half goes to the
 * forward layer, the second to the backward one.
 */
public final class Bidirectional extends MaskedLayer {
    /** Keras {@code merge_mode}; {@code NONE} is Keras' None. */
    public enum MergeMode { CONCAT, SUM, MUL, AVE, NONE }

    private final RNN forward, backward; // backward has go_backwards set
    private final MergeMode mode;

    public Bidirectional(String name, RNN forward, RNN backward, MergeMode mode) {
        super(name);
        if (forward.options().goBackwards() == backward.options().goBackwards()) {
            throw new IllegalArgumentException("Bidirectional '" + name + "': the forward and backward layers must differ in go_backwards");
        }
        if (forward.options().returnSequences() != backward.options().returnSequences()
                || forward.options().returnState() != backward.options().returnState()) {
            throw new IllegalArgumentException("Bidirectional '" + name + "': the forward and backward layers must agree on return_sequences and return_state");
        }
        if (forward.cell().units() != backward.cell().units() && mode != MergeMode.CONCAT && mode != MergeMode.NONE) {
            throw new IllegalArgumentException("Bidirectional '" + name + "': merge mode " + mode + " needs layers of equal units");
        }
        this.forward = forward;
        this.backward = backward;
        this.mode = mode;
    }

    @Override
    public String kerasClass() {
        return "Bidirectional";
    }

    private boolean returnSequences() {
        return forward.options().returnSequences();
    }

    private int statesEach() {
        return forward.options().returnState() ? forward.cell().stateCount() : 0;
    }

    @Override
    public int outputCount() {
        return (mode == MergeMode.NONE ? 2 : 1) + 2 * statesEach();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return outputShapes(inputs).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        int nf = forward.cell().stateCount(), nb = backward.cell().stateCount();
        if (inputs.size() != 1 && inputs.size() != 1 + nf + nb) {
            throw new IllegalArgumentException("Bidirectional '" + name() + "' takes a sequence and optionally " + (nf + nb) + " initial states, got "
                    + inputs.size() + " input(s)");
        }
        List<Shape> f = forward.outputShapes(forwardInputs(inputs));
        List<Shape> b = backward.outputShapes(backwardInputs(inputs));
        List<Shape> out = new ArrayList<>();
        Shape yf = f.get(0), yb = b.get(0);
        switch (mode) {
            case CONCAT -> out.add(yf.withLast(yf.dim(-1) + yb.dim(-1)));
            case NONE -> {
                out.add(yf);
                out.add(yb);
            }
            default -> out.add(yf);
        }
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    private <T> List<T> forwardInputs(List<T> inputs) {
        if (inputs.size() == 1) return inputs;
        List<T> in = new ArrayList<>();
        in.add(inputs.get(0));
        in.addAll(inputs.subList(1, 1 + forward.cell().stateCount()));
        return in;
    }

    private <T> List<T> backwardInputs(List<T> inputs) {
        if (inputs.size() == 1) return inputs;
        List<T> in = new ArrayList<>();
        in.add(inputs.get(0));
        in.addAll(inputs.subList(1 + forward.cell().stateCount(), inputs.size()));
        return in;
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Mask mask = forward.options().loopMask(inputs, masks);
        List<Tensor> f = forward.run(forwardInputs(inputs), mask, forward.options());
        List<Tensor> b = backward.run(backwardInputs(inputs), mask, backward.options());
        Tensor y = f.get(0), yRev = b.get(0);
        if (returnSequences()) yRev = flipSteps(yRev);
        List<Tensor> out = new ArrayList<>();
        if (mode == MergeMode.NONE) {
            out.add(y);
            out.add(yRev);
        } else {
            out.add(merge(y, yRev));
        }
        out.addAll(f.subList(1, f.size()));
        out.addAll(b.subList(1, b.size()));
        return out;
    }

    /** (batch, steps, u) with the steps reversed. */
    private static Tensor flipSteps(Tensor t) {
        int batch = t.shape().dim(0), steps = t.shape().dim(1), u = t.shape().dim(2);
        float[] src = t.data(), dst = new float[src.length];
        for (int b = 0; b < batch; b++) {
            for (int s = 0; s < steps; s++) System.arraycopy(src, (b * steps + s) * u, dst, (b * steps + steps - 1 - s) * u, u);
        }
        return new Tensor(t.shape(), dst);
    }

    private Tensor merge(Tensor y, Tensor yRev) {
        float[] a = y.data(), b = yRev.data();
        if (mode == MergeMode.CONCAT) {
            int ua = y.shape().dim(-1), ub = yRev.shape().dim(-1), rows = a.length / ua;
            float[] out = new float[a.length + b.length];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a, r * ua, out, r * (ua + ub), ua);
                System.arraycopy(b, r * ub, out, r * (ua + ub) + ua, ub);
            }
            return new Tensor(y.shape().withLast(ua + ub), out);
        }
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = switch (mode) {
                case SUM -> a[i] + b[i];
                case MUL -> a[i] * b[i];
                case AVE -> (a[i] + b[i]) / 2f;
                default -> throw new IllegalStateException(mode.toString());
            };
        }
        return new Tensor(y.shape(), out);
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        boolean m = returnSequences() && !inputsMasked.isEmpty() && inputsMasked.get(0);
        List<Boolean> out = new ArrayList<>(Collections.nCopies(outputCount(), false));
        out.set(0, m);
        if (mode == MergeMode.NONE) out.set(1, m);
        return out;
    }

    @Override
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        Mask m = returnSequences() && !masks.isEmpty() ? masks.get(0) : null;
        List<Mask> out = new ArrayList<>(Collections.nCopies(outputCount(), (Mask) null));
        out.set(0, m);
        if (mode == MergeMode.NONE) out.set(1, m);
        return out;
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return outputMasks(inputs, masks).get(0);
    }

    @Override
    public long paramCount() {
        return forward.paramCount() + backward.paramCount();
    }

    @Override
    public String details() {
        return "merge_mode " + (mode == MergeMode.NONE ? "None" : mode.name().toLowerCase(Locale.ROOT)) + "; forward " + forward.kerasClass() + " "
                + forward.details() + "; backward " + backward.kerasClass() + " " + backward.details();
    }
}
