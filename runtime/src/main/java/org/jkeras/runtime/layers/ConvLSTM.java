package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.RecurrentKernel;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code ConvLSTM} (the base of {@link ConvLSTM1D}, {@link ConvLSTM2D}, {@link ConvLSTM3D}): a
 * {@link ConvLSTMCell} run over the steps of a (batch, steps, spatial..., channels) input (channels first:
 * (batch, steps, channels, spatial...)) by {@link RecurrentKernel}, with the loop flags of {@link RNN}. Inputs: the
 * sequence, then optionally the initial h and c (batch, out..., filters). Outputs: the sequence (batch, steps,
 * out..., filters) or the last output, then with {@code return_state} h and c. Channels-first tensors are moved
 * channels last for the cell and back. A timestep mask keeps the states of masked steps, as for RNN.
 */
public abstract class ConvLSTM extends MaskedLayer {
    private final ConvLSTMCell cell;
    private final RNN.Options options;
    private final Window window;
    private final int[] in3;
    private final int cin;

    protected ConvLSTM(String name, Window window, int[] in3, int cin, ConvLSTMCell cell, RNN.Options options) {
        super(name);
        this.window = window;
        this.in3 = in3.clone();
        this.cin = cin;
        this.cell = cell;
        this.options = options;
    }

    public RNN.Options options() {
        return options;
    }

    @Override
    public int outputCount() {
        return options.returnState() ? 3 : 1;
    }

    /** One step's (or state's) per-sample shape: (out..., filters), or (filters, out...) channels first. */
    private Shape stepShape() {
        return Grid.shape(cell.outDims3(), cell.filters(), window.rank(), window.channelsFirst());
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return outputShapes(inputs).get(0);
    }

    @Override
    public List<Shape> outputShapes(List<Shape> inputs) {
        if (inputs.size() != 1 && inputs.size() != 3) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' takes a sequence and optionally 2 initial states, got " + inputs.size() + " input(s)");
        }
        Shape seq = inputs.get(0), image = Grid.shape(in3, cin, window.rank(), window.channelsFirst());
        if (seq.rank() != window.rank() + 2 || !seq.dropFirst().equals(image)) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects input (batch, steps, " + image.toString().replaceAll("[()]", "") + "), got "
                    + seq.prepend(Shape.UNKNOWN));
        }
        Shape step = stepShape();
        for (int s = 1; s < inputs.size(); s++) {
            if (!inputs.get(s).equals(step)) {
                throw new IllegalArgumentException(kerasClass() + " '" + name() + "': initial state " + (s - 1) + " must be " + step.prepend(Shape.UNKNOWN)
                        + ", got " + inputs.get(s).prepend(Shape.UNKNOWN));
            }
        }
        List<Shape> out = new ArrayList<>();
        out.add(options.returnSequences() ? step.prepend(seq.dim(0)) : step);
        if (options.returnState()) {
            out.add(step);
            out.add(step);
        }
        return out;
    }

    @Override
    public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), steps = x.shape().dim(1), f = cell.filters(), outVol = cell.units() / f, inVol = cell.inputSize() / cin;
        boolean cf = window.channelsFirst();
        float[] seq = cf ? Grid.toChannelsLast(x.data(), batch * steps, cin, inVol) : x.data();
        float[][] initial = null;
        if (inputs.size() == 3) {
            initial = new float[2][];
            for (int s = 0; s < 2; s++) {
                float[] d = inputs.get(1 + s).data();
                if (d.length != batch * cell.units()) throw new IllegalArgumentException(kerasClass() + " '" + name() + "': initial state " + s + " has shape "
                        + inputs.get(1 + s).shape() + ", expected " + stepShape().prepend(batch));
                initial[s] = cf ? Grid.toChannelsLast(d, batch, f, outVol) : d;
            }
        }
        Mask mask = masks.isEmpty() ? null : masks.get(0);
        RecurrentKernel.Result r = RecurrentKernel.run(cell, seq, batch, steps, initial, mask, options.returnSequences(), options.goBackwards(),
                options.zeroOutputForMask());
        Shape step = stepShape();
        List<Tensor> out = new ArrayList<>();
        int images = options.returnSequences() ? batch * steps : batch;
        out.add(new Tensor(options.returnSequences() ? step.prepend(steps).prepend(batch) : step.prepend(batch),
                cf ? Grid.toChannelsFirst(r.output(), images, f, outVol) : r.output()));
        if (options.returnState()) {
            for (float[] s : r.states()) out.add(new Tensor(step.prepend(batch), cf ? Grid.toChannelsFirst(s, batch, f, outVol) : s));
        }
        return out;
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        return options.returnSequences() && !masks.isEmpty() ? masks.get(0) : null;
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
        StringBuilder b = new StringBuilder(cell.describe()).append(", ").append(window.describe());
        if (options.returnSequences()) b.append(", return_sequences");
        if (options.returnState()) b.append(", return_state");
        if (options.goBackwards()) b.append(", go_backwards");
        if (!options.note().isEmpty()) b.append("; ").append(options.note());
        return b.toString();
    }
}
