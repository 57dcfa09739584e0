package org.jkeras.runtime;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Dense;

/**
 * Graph rewrites that keep every output identical and save passes over memory. Today: a linear
 * {@link Dense} whose only reader is an {@link ActivationLayer} (Activation, ReLU, LeakyReLU, ELU,
 * ThresholdedReLU, last-axis Softmax) and which is not itself a model output takes that activation into its
 * kernel epilogue; the activation node disappears and its value is produced by the Dense node.
 */
public final class Fusion {
    private Fusion() {
    }

    public static Model fuseDenseActivations(Model model) {
        int nIn = model.inputs().size();
        List<Model.Node> nodes = model.nodes();
        int values = model.valueCount();
        int[] readers = new int[values];
        int[] producer = new int[values]; // node index producing each value, -1 for inputs
        java.util.Arrays.fill(producer, -1);
        for (int i = 0; i < nodes.size(); i++) {
            for (int v : nodes.get(i).inputs()) readers[v]++;
            for (int v : nodes.get(i).outputs()) producer[v] = i;
        }
        boolean[] isOutput = new boolean[values];
        for (Model.Output o : model.outputs()) isOutput[o.value()] = true;

        // fusedInto[i] = index of the activation node absorbed by Dense node i; absorbed[j] = node j disappears
        int[] fusedInto = new int[nodes.size()];
        java.util.Arrays.fill(fusedInto, -1);
        boolean[] absorbed = new boolean[nodes.size()];
        for (int j = 0; j < nodes.size(); j++) {
            Model.Node act = nodes.get(j);
            if (!(act.layer() instanceof ActivationLayer) || act.inputs().length != 1) continue;
            int src = act.inputs()[0];
            int i = producer[src];
            if (i < 0 || readers[src] != 1 || isOutput[src] || absorbed[i] || fusedInto[i] >= 0) continue;
            // a shared Dense layer must stay one layer: fuse only a layer used by this node alone
            if (nodes.get(i).layer() instanceof Dense d && d.activation().isIdentity() && usedOnce(nodes, d)) {
                fusedInto[i] = j;
                absorbed[j] = true;
            }
        }

        int[] remap = new int[values];
        for (int v = 0; v < nIn; v++) remap[v] = v;
        int next = nIn;
        List<Model.Node> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (absorbed[i]) continue;
            Model.Node n = nodes.get(i);
            int[] in = n.inputs();
            for (int k = 0; k < in.length; k++) in[k] = remap[in[k]];
            Layer layer = n.layer();
            int[] outs = n.outputs();
            for (int k = 0; k < outs.length; k++) {
                remap[outs[k]] = next;
                outs[k] = next++;
            }
            if (fusedInto[i] >= 0) {
                Model.Node actNode = nodes.get(fusedInto[i]);
                ActivationLayer a = (ActivationLayer) actNode.layer();
                layer = ((Dense) layer).fuse(a.activation(), a.name());
                remap[actNode.output()] = outs[0];
            }
            out.add(new Model.Node(layer, in, outs));
        }
        List<Model.Output> outputs = new ArrayList<>();
        for (Model.Output o : model.outputs()) outputs.add(new Model.Output(o.name(), remap[o.value()]));
        return new Model(model.name(), model.inputs(), out, outputs);
    }

    private static boolean usedOnce(List<Model.Node> nodes, Layer layer) {
        int n = 0;
        for (Model.Node node : nodes) if (node.layer() == layer) n++;
        return n == 1;
    }
}
