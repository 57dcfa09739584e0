package org.jkeras.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.AddNormalization;
import org.jkeras.runtime.layers.BaseConv;
import org.jkeras.runtime.layers.BaseDepthwiseConv;
import org.jkeras.runtime.layers.BaseZeroPadding;
import org.jkeras.runtime.layers.BatchNormalization;
import org.jkeras.runtime.layers.ChannelFolding;
import org.jkeras.runtime.layers.ConvAdd;
import org.jkeras.runtime.layers.BasePooling;
import org.jkeras.runtime.layers.ConvPooling;
import org.jkeras.runtime.layers.Dense;
import org.jkeras.runtime.layers.ElementwiseMerge;
import org.jkeras.runtime.layers.Identity;
import org.jkeras.runtime.layers.LayerNormalization;
import org.jkeras.runtime.layers.MergeActivation;

/**
 * Graph rewrites that save passes over memory. A layer whose output is read by one node only, and is not a
 * model output, absorbs that reader; the reader's node disappears and its value is produced by the absorbing node:
 * <ul>
 * <li>a ZeroPadding before a {@code valid} depthwise convolution becomes that convolution's padding (the window
 * reads zeros outside the image, as from the padded copy);</li>
 * <li>a linear convolution or depthwise convolution (channels last) folds the inference
 * {@link BatchNormalization} on its channels into its weights and bias: {@code conv(x)·scale + shift} becomes one
 * convolution with weights {@code w·scale} and bias {@code b·scale + shift}. This rounds differently, by float32
 * rounding, which is why loading with {@code fuse(false)} keeps the exact two steps;</li>
 * <li>a linear {@link Dense} or convolution takes an {@link ActivationLayer} (Activation, ReLU, LeakyReLU, ELU,
 * ThresholdedReLU, last-axis Softmax; for convolutions the elementwise ones) into its kernel epilogue;</li>
 * <li>a merge ({@code Add}, …) runs the elementwise activation layer after it in place ({@link MergeActivation});</li>
 * <li>a convolution takes the pooling layer after it ({@link ConvPooling});</li>
 * <li>a linear convolution takes the residual {@code Add} that reads it, with that Add's activation, into its
 * epilogue ({@link ConvAdd});</li>
 * <li>an {@code Add} (or a {@code x + y} op) and the {@link LayerNormalization} reading it normalise each sum row as it is made
 * ({@link AddNormalization}).</li>
 * </ul>
 * All but the BatchNormalization folding keep every output bit for bit.
 */
public final class Fusion {
    private Fusion() {
    }

    /** Every rewrite above. */
    public static Model fuse(Model model) {
        return fuseAddNormalizations(fuseConvAdds(fuseConvPooling(fuseMergeActivations(fuseDenseActivations(fuseConvActivations(foldBatchNormalization(foldPadding(model))))))));
    }

    /** Reads a ZeroPadding just before a valid depthwise convolution as the convolution's own padding: no padded copy. */
    public static Model foldPadding(Model model) {
        return absorbReaders(model, (producer, reader) -> producer instanceof BaseZeroPadding pad && reader instanceof BaseDepthwiseConv c && c.canPad(pad)
                ? c.padded(pad) : null);
    }

    /** Folds each BatchNormalization on a convolution's channels into that convolution. */
    public static Model foldBatchNormalization(Model model) {
        return absorbReaders(model, (producer, reader) -> {
            if (!(reader instanceof BatchNormalization bn)) return null;
            return producer instanceof ChannelFolding c && c.canFold() && bn.axis() == c.channelAxis() ? c.folded(bn.scale(), bn.shift(), bn.name()) : null;
        });
    }

    /** Moves an elementwise activation layer after a linear convolution into its kernel. */
    public static Model fuseConvActivations(Model model) {
        return absorbReaders(model, (producer, reader) -> {
            if (!(reader instanceof ActivationLayer a)) return null;
            return producer instanceof ChannelFolding c && c.canFuse(a.activation()) ? c.withActivation(a.activation(), a.name()) : null;
        });
    }

    /** Moves an activation layer after a linear {@code Dense} into the Dense kernel's epilogue. */
    public static Model fuseDenseActivations(Model model) {
        return absorbReaders(model, (producer, reader) -> producer instanceof Dense d && d.activation().isIdentity() && reader instanceof ActivationLayer a
                ? d.fuse(a.activation(), a.name()) : null);
    }

    /** Runs an elementwise activation layer after a merge in place on the merge's output (a residual Add then relu). */
    public static Model fuseMergeActivations(Model model) {
        return absorbReaders(model, (producer, reader) -> producer instanceof ElementwiseMerge m && reader instanceof ActivationLayer a
                && a.activation().isElementwise() && !a.activation().isIdentity() && a.activation().outputWidth(8) == 8
                ? new MergeActivation(m, a.activation(), a.name()) : null);
    }

    /** Runs a convolution and the pooling layer after it as one pass per image ({@code ConvPooling}). */
    public static Model fuseConvPooling(Model model) {
        return absorbReaders(model, (producer, reader) -> producer instanceof BaseConv c && reader instanceof BasePooling p && c.canPool(p)
                ? new ConvPooling(c, p) : null);
    }

    /** Normalises each residual sum as it is made: an Add (or {@code x + y} op) and the LayerNormalization reading it. */
    public static Model fuseAddNormalizations(Model model) {
        return absorbReaders(model, (producer, reader) -> AddNormalization.fuses(producer) && reader instanceof LayerNormalization ln
                ? new AddNormalization(producer, ln) : null);
    }

    /**
     * Runs each two-input {@code Add} (with the activation fused after it, if any) that alone reads a linear
     * convolution's output, directly or through inference no-ops ({@link Identity}: Dropout), in that convolution's
     * epilogue ({@link ConvAdd}). The fused node takes the Add's place, so the other operand is ready; its inputs are
     * the convolution's input and that operand. Of two convolution operands (a projection shortcut), the second.
     */
    public static Model fuseConvAdds(Model model) {
        List<Model.Node> nodes = model.nodes();
        Uses uses = Uses.of(model);
        int[] readers = uses.readers(), producer = uses.producer();
        boolean[] isOutput = uses.isOutput();

        Model.Node[] replaced = new Model.Node[nodes.size()];
        boolean[] dropped = new boolean[nodes.size()];
        for (int j = 0; j < nodes.size(); j++) {
            Model.Node add = nodes.get(j);
            Layer merge = add.layer();
            Activation after = merge instanceof MergeActivation m && m.merge() instanceof Add ? m.activation() : merge instanceof Add ? Activations.linear() : null;
            if (after == null || add.inputs().length != 2 || add.hasExplicitMasks()) continue;
            for (int slot = 1; slot >= 0; slot--) {
                List<Integer> chain = new ArrayList<>(); // the producers from the Add back to the convolution
                int v = add.inputs()[slot], i;
                while ((i = single(nodes, producer, readers, isOutput, v, dropped)) >= 0 && nodes.get(i).layer() instanceof Identity) {
                    chain.add(i);
                    v = nodes.get(i).inputs()[0];
                }
                if (i < 0 || !(nodes.get(i).layer() instanceof BaseConv conv) || !conv.canAdd() || !usedOnce(nodes, conv)) continue;
                List<String> between = new ArrayList<>();
                for (int k = chain.size() - 1; k >= 0; k--) between.add(nodes.get(chain.get(k)).layer().name());
                Layer fused = new ConvAdd(conv, between, merge, after, slot);
                replaced[j] = new Model.Node(fused, new int[] {nodes.get(i).inputs()[0], add.inputs()[1 - slot]}, add.outputs());
                dropped[i] = true;
                for (int k : chain) dropped[k] = true;
                break;
            }
        }
        List<Model.Node> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) if (!dropped[i]) kept.add(replaced[i] != null ? replaced[i] : nodes.get(i));
        return renumbered(model, kept);
    }

    /** {@code model} with {@code nodes} (in run order, some values gone) and its values numbered densely again. */
    private static Model renumbered(Model model, List<Model.Node> nodes) {
        int[] remap = new int[model.valueCount()];
        int next = model.inputs().size();
        for (int v = 0; v < next; v++) remap[v] = v;
        List<Model.Node> out = new ArrayList<>();
        for (Model.Node n : nodes) {
            int[] in = n.inputs(), masks = n.masks(), outs = n.outputs();
            for (int k = 0; k < in.length; k++) in[k] = remap[in[k]];
            for (int k = 0; k < masks.length; k++) if (masks[k] >= 0) masks[k] = remap[masks[k]];
            for (int k = 0; k < outs.length; k++) {
                remap[outs[k]] = next;
                outs[k] = next++;
            }
            out.add(new Model.Node(n.layer(), in, outs, masks));
        }
        List<Model.Output> outputs = new ArrayList<>();
        for (Model.Output o : model.outputs()) outputs.add(new Model.Output(o.name(), remap[o.value()], o.dtype()));
        return new Model(model.name(), model.inputs(), out, outputs);
    }

    /**
     * The node that produces value {@code v} as its only output from one input without explicit masks, when that
     * value is read once and is not a model output, and the node is not already taken; else -1.
     */
    private static int single(List<Model.Node> nodes, int[] producer, int[] readers, boolean[] isOutput, int v, boolean[] taken) {
        int i = producer[v];
        if (i < 0 || taken[i] || readers[v] != 1 || isOutput[v]) return -1;
        Model.Node n = nodes.get(i);
        return n.outputs().length == 1 && n.inputs().length == 1 && !n.hasExplicitMasks() ? i : -1;
    }

    /**
     * Rewrites every node whose layer {@code fuse(layer, reader's layer)} combines (non-null) with the one-input
     * node that alone reads its single output. A layer used by several nodes stays one layer: only a layer used
     * by this node alone is replaced.
     */
    private static Model absorbReaders(Model model, BinaryOperator<Layer> fuse) {
        List<Model.Node> nodes = model.nodes();
        Uses uses = Uses.of(model);
        int[] readers = uses.readers(), producer = uses.producer();
        boolean[] isOutput = uses.isOutput();

        // fusedInto[i] = index of the node absorbed by node i; fused[i] its new layer; absorbed[j] = node j disappears
        int[] fusedInto = new int[nodes.size()];
        java.util.Arrays.fill(fusedInto, -1);
        Layer[] fused = new Layer[nodes.size()];
        boolean[] absorbed = new boolean[nodes.size()];
        for (int j = 0; j < nodes.size(); j++) {
            Model.Node reader = nodes.get(j);
            if (reader.inputs().length != 1 || reader.hasExplicitMasks()) continue;
            int src = reader.inputs()[0];
            int i = producer[src];
            if (i < 0 || readers[src] != 1 || isOutput[src] || absorbed[i] || fusedInto[i] >= 0) continue;
            Model.Node node = nodes.get(i);
            if (node.outputs().length != 1 || !usedOnce(nodes, node.layer())) continue;
            Layer layer = fuse.apply(node.layer(), reader.layer());
            if (layer != null) {
                fusedInto[i] = j;
                fused[i] = layer;
                absorbed[j] = true;
            }
        }

        // the fused node takes the absorbed reader's output value; the producer's own value disappears
        List<Model.Node> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (absorbed[i]) continue;
            Model.Node n = nodes.get(i);
            kept.add(fusedInto[i] < 0 ? n : new Model.Node(fused[i], n.inputs(), new int[] {nodes.get(fusedInto[i]).output()}, n.masks()));
        }
        return renumbered(model, kept);
    }

    /**
     * Per value of a model: how many inputs and mask inputs read it, the node that produces it (-1 for the model's
     * inputs), and whether it is a model output.
     */
    private record Uses(int[] readers, int[] producer, boolean[] isOutput) {
        static Uses of(Model model) {
            List<Model.Node> nodes = model.nodes();
            int values = model.valueCount();
            int[] readers = new int[values], producer = new int[values];
            java.util.Arrays.fill(producer, -1);
            for (int i = 0; i < nodes.size(); i++) {
                for (int v : nodes.get(i).inputs()) readers[v]++;
                for (int v : nodes.get(i).masks()) if (v >= 0) readers[v]++;
                for (int v : nodes.get(i).outputs()) producer[v] = i;
            }
            boolean[] isOutput = new boolean[values];
            for (Model.Output o : model.outputs()) isOutput[o.value()] = true;
            return new Uses(readers, producer, isOutput);
        }
    }

    private static boolean usedOnce(List<Model.Node> nodes, Layer layer) {
        int n = 0;
        for (Model.Node node : nodes) if (node.layer() == layer) n++;
        return n == 1;
    }
}
