package org.jkeras.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jkeras.runtime.layers.Identity;

/**
 * Where timestep masks can flow in a {@link Model}, decided once from the graph.
 * <p>
 * Keras 3 {@code MultiHeadAttention} deletes the masks of the tensors it reads ({@link Layer#maskClearedInputs}),
 * so a layer that Keras runs after it sees those tensors unmasked; a layer run before it sees the masks. Which runs
 * first is Keras' order ({@code Function._run_through_graph}): nodes by decreasing depth (the longest path to an
 * output), ties in the order {@code ops.function.map_graph} first meets them walking back from the outputs.
 * The deletion is on a tensor object, and a layer that does nothing at inference ({@link Identity}: Dropout and
 * the like) returns its input object itself, so deleting the mask of one deletes it for both.
 */
final class MaskFlow {
    private MaskFlow() {
    }

    /** Per value, whether it can carry a mask: each node's {@link Layer#outputsMasked} from what its inputs carry. */
    static boolean[] masked(List<Model.Node> nodes, int inputs, int values, boolean[][] cleared) {
        boolean[] masked = new boolean[values]; // model inputs carry none
        for (int n = 0; n < nodes.size(); n++) {
            Model.Node node = nodes.get(n);
            int[] in = node.inputs(), explicit = node.masks();
            List<Boolean> inMasked = new ArrayList<>(in.length);
            for (int i = 0; i < in.length; i++) inMasked.add(explicit[i] >= 0 || (masked[in[i]] && !cleared[n][i]));
            List<Boolean> out = node.layer().outputsMasked(inMasked);
            int[] outs = node.outputs();
            for (int k = 0; k < outs.length; k++) masked[outs[k]] = out.get(k);
        }
        return masked;
    }

    /** {@code cleared[n][i]}: node n reads input i after a node Keras runs earlier deleted that tensor's mask. */
    static boolean[][] cleared(List<Model.Node> nodes, List<Model.Output> outputs, int values) {
        boolean[][] cleared = new boolean[nodes.size()][];
        for (int n = 0; n < nodes.size(); n++) cleared[n] = new boolean[nodes.get(n).inputs().length];
        boolean any = false;
        for (Model.Node node : nodes) any |= node.layer().maskClearedInputs().length > 0;
        if (!any) return cleared;
        int[] rank = kerasOrder(nodes, outputs, values);
        int[] object = new int[values]; // the value whose tensor object each value is
        for (int v = 0; v < values; v++) object[v] = v;
        for (Model.Node node : nodes) if (node.layer() instanceof Identity) object[node.output()] = object[node.inputs()[0]];
        for (int m = 0; m < nodes.size(); m++) {
            int[] in = nodes.get(m).inputs();
            for (int slot : nodes.get(m).layer().maskClearedInputs()) {
                int v = object[in[slot]];
                for (int n = 0; n < nodes.size(); n++) {
                    if (n == m || rank[n] <= rank[m]) continue;
                    int[] reads = nodes.get(n).inputs();
                    for (int i = 0; i < reads.length; i++) if (object[reads[i]] == v) cleared[n][i] = true;
                }
            }
        }
        return cleared;
    }

    /** Each node's position in Keras' run order; a node that no output needs runs last (Keras does not run it). */
    static int[] kerasOrder(List<Model.Node> nodes, List<Model.Output> outputs, int values) {
        int[] producer = new int[values];
        Arrays.fill(producer, -1);
        for (int n = 0; n < nodes.size(); n++) for (int v : nodes.get(n).outputs()) producer[v] = n;
        // map_graph's walk: depth-first from each output, a node listed after every node it reads
        List<Integer> decreasingDepth = new ArrayList<>();
        boolean[] finished = new boolean[nodes.size()];
        for (Model.Output o : outputs) visit(o.value(), nodes, producer, finished, decreasingDepth);
        // depths: an output node 0, a node one more than the deepest of its readers; a shared layer's calls at least as deep
        Map<Integer, Integer> depth = new LinkedHashMap<>(); // insertion order breaks ties, as Keras' dict does
        Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
        for (int i = decreasingDepth.size() - 1; i >= 0; i--) {
            int n = decreasingDepth.get(i);
            int d = Math.max(depth.computeIfAbsent(n, k -> 0), layerDepth.getOrDefault(nodes.get(n).layer(), 0));
            layerDepth.put(nodes.get(n).layer(), d);
            depth.put(n, d);
            for (int v : reads(nodes.get(n))) {
                int p = producer[v];
                if (p >= 0) depth.put(p, Math.max(d + 1, depth.getOrDefault(p, 0)));
            }
        }
        List<Integer> order = new ArrayList<>(depth.keySet());
        order.sort((a, b) -> Integer.compare(depth.get(b), depth.get(a))); // stable: ties keep insertion order
        int[] rank = new int[nodes.size()];
        Arrays.fill(rank, Integer.MAX_VALUE);
        for (int r = 0; r < order.size(); r++) rank[order.get(r)] = r;
        return rank;
    }

    /** Appends, depth first, the not yet listed nodes {@code value} depends on, then its producer (iteratively: deep graphs). */
    private static void visit(int value, List<Model.Node> nodes, int[] producer, boolean[] finished, List<Integer> into) {
        int start = producer[value];
        if (start < 0 || finished[start]) return;
        finished[start] = true; // the graph is acyclic (Model checks its order), so marking on entry is safe
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>(); // (node, next read to visit)
        stack.push(new int[] {start, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int[] reads = reads(nodes.get(top[0]));
            if (top[1] < reads.length) {
                int p = producer[reads[top[1]++]];
                if (p >= 0 && !finished[p]) {
                    finished[p] = true;
                    stack.push(new int[] {p, 0});
                }
            } else {
                into.add(stack.pop()[0]);
            }
        }
    }

    /** A node's tensors in Keras' argument order: positional and keyword inputs, then explicit masks. */
    private static int[] reads(Model.Node node) {
        int[] in = node.inputs(), masks = node.masks();
        int[] all = Arrays.copyOf(in, in.length + masks.length);
        int k = in.length;
        for (int m : masks) if (m >= 0) all[k++] = m;
        return Arrays.copyOf(all, k);
    }
}
