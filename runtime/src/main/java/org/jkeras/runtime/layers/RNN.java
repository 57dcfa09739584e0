package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.RecurrentKernel;

/**
 * Keras {@code RNN}: a cell run over the steps of a (batch, steps, features) input. Inputs: the sequence, then
 * optionally one initial state per cell state (Keras {@code initial_state}; zeros otherwise). Outputs: the
 * sequence (batch, steps, units) or the last output (batch, units), then with {@code return_state} the final
 * states. A timestep mask on the sequence makes masked steps keep the previous states (see {@link RecurrentKernel});
 * the output carries the mask only with {@code return_sequences}, states never do.
 * {@link LSTM}, {@link GRU} and {@link SimpleRNN} are this layer with their cell.
 */
public class RNN extends MaskedLayer {

    /**
     * Keras' loop flags; {@code note} is shown by {@code inspect} (e.g. how {@code stateful} is handled).
     * {@code maskWithStates}: whether a call given initial states still reads the sequence's mask: Keras 1/2 do;
     * Keras 3 fills a call's {@code mask} only when it has one tensor argument, so it runs such a call unmasked
     * (the output still carries the mask).
     */
    public record Options(boolean returnSequences, boolean returnState, boolean goBackwards, boolean zeroOutputForMask, String note,
                          boolean maskWithStates) {
        public Options {
            note = note == null ? "" : note;
        }

        /** Keras 1/2's use of the mask. */
        public Options(boolean returnSequences, boolean returnState, boolean goBackwards, boolean zeroOutputForMask, String note) {
            this(returnSequences, returnState, goBackwards, zeroOutputForMask, note, true);
        }

        /** The same flags, {@code go_backwards} set to {@code goBackwards}. */
        public Options withGoBackwards(boolean goBackwards) {
            return new Options(returnSequences, returnState, goBackwards, zeroOutputForMask, note, maskWithStates);
        }

        /** The same flags, {@code zero_output_for_mask} set. */
        public Options withZeroOutputForMask(boolean zero) {
            return new Options(returnSequences, returnState, goBackwards, zero, note, maskWithStates);
        }

        /** The mask the loop reads: none for a call given initial states when Keras 3 would not pass it. */
        Mask loopMask(List<?> inputs, List<Mask> masks) {
            return masks.isEmpty() || (inputs.size() > 1 && !maskWithStates) ? null : masks.get(0);
        }
    }

    private final RecurrentKernel.Cell cell;
    private final Options options;

    public RNN(String name, RecurrentKernel.Cell cell, Options options) {
        super(name);
        this.cell = Objects.requireNonNull(cell, "cell");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** An activation a cell applies to each gate row: must keep the row's width (so not {@code glu}). */
    static Activation checkActivation(Activation a, String key) {
        Objects.requireNonNull(a, key);
        if (a.outputWidth(8) != 8) throw new IllegalArgumentException(key + " '" + a.name() + "' changes the width of a row; a recurrent cell cannot use it");
        return a;
    }

    @Override
    public String kerasClass() {
        return "RNN";
    }

    public RecurrentKernel.Cell cell() {
        return cell;
    }

    public Options options() {
        return options;
    }

    @Override
    public int outputCount() {
        return options.returnState() ? 1 + cell.stateCount() : 1;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return outputShapes(inputs).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        int ns = cell.stateCount(), u = cell.units();
        if (inputs.size() != 1 && inputs.size() != 1 + ns) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' takes a sequence and optionally " + ns + " initial state(s), got "
                    + inputs.size() + " input(s)");
        }
        Shape seq = inputs.get(0);
        if (seq.rank() != 2 || seq.dim(1) != cell.inputSize()) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects input (batch, steps, " + cell.inputSize() + "), got "
                    + seq.prepend(Shape.UNKNOWN));
        }
        for (int s = 1; s < inputs.size(); s++) {
            Shape st = inputs.get(s);
            int size = cell.stateSize(s - 1);
            if (st.rank() != 1 || (st.dim(0) != size && st.dim(0) != Shape.UNKNOWN)) {
                throw new IllegalArgumentException(kerasClass() + " '" + name() + "': initial state " + (s - 1) + " must be (batch, " + size + "), got "
                        + st.prepend(Shape.UNKNOWN));
            }
        }
        List<Shape> out = new ArrayList<>();
        out.add(options.returnSequences() ? Shape.of(seq.dim(0), u) : Shape.of(u));
        if (options.returnState()) for (int s = 0; s < ns; s++) out.add(Shape.of(cell.stateSize(s)));
        return out;
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        return run(inputs, options.loopMask(inputs, masks), options);
    }

    /** Runs with explicit options (Bidirectional runs its halves this way). */
    List<Tensor> run(List<Tensor> inputs, Mask mask, Options o) {
        Tensor x = inputs.get(0);
        int batch = x.shape().dim(0), steps = x.shape().dim(1), u = cell.units(), ns = cell.stateCount();
        float[][] initial = null;
        if (inputs.size() > 1) {
            initial = new float[ns][];
            for (int s = 0; s < ns; s++) {
                Tensor t = inputs.get(1 + s);
                if (t.batch() != batch || t.rowSize() != cell.stateSize(s)) {
                    throw new IllegalArgumentException(kerasClass() + " '" + name() + "': initial state " + s + " has shape " + t.shape() + ", expected ("
                            + batch + ", " + cell.stateSize(s) + ")");
                }
                initial[s] = t.data();
            }
        }
        RecurrentKernel.Result r = RecurrentKernel.run(cell, x.data(), batch, steps, initial, mask, o.returnSequences(), o.goBackwards(),
                o.zeroOutputForMask());
        List<Tensor> out = new ArrayList<>();
        out.add(o.returnSequences() ? Tensor.of(r.output(), batch, steps, u) : Tensor.of(r.output(), batch, u));
        if (o.returnState()) for (int s = 0; s < ns; s++) out.add(Tensor.of(r.states()[s], batch, cell.stateSize(s)));
        return out;
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return options.returnSequences() && !masks.isEmpty() ? masks.get(0) : null;
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        List<Boolean> out = new ArrayList<>(Collections.nCopies(outputCount(), false));
        out.set(0, options.returnSequences() && !inputsMasked.isEmpty() && inputsMasked.get(0));
        return out;
    }

    @Override
    public List<Mask> outputMasks(List<Tensor> inputs, List<Mask> masks) {
        List<Mask> out = new ArrayList<>(Collections.nCopies(outputCount(), (Mask) null));
        out.set(0, outputMask(inputs, masks));
        return out;
    }

    @Override
    public long paramCount() {
        return cell.paramCount();
    }

    @Override
    public String details() {
        StringBuilder b = new StringBuilder(cell.describe());
        if (options.returnSequences()) b.append(", return_sequences");
        if (options.returnState()) b.append(", return_state");
        if (options.goBackwards()) b.append(", go_backwards");
        if (options.zeroOutputForMask()) b.append(", zero_output_for_mask");
        if (!options.note().isEmpty()) b.append("; ").append(options.note());
        return b.toString();
    }
}
