package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.einsum(subscripts, *operands)}: letters label axes, {@code ...} the axes the letters leave
 * (broadcast, aligned from the right), {@code ->} the output (without it: the ellipsis axes, then the letters seen
 * once, alphabetically). Computed by {@link Contraction}: each pair of operands one batched matrix product.
 */
public final class Einsum extends TensorOp {
    private static final int ELLIPSIS = 1 << 16; // label of ellipsis axis i (counted from the left of the widest): ELLIPSIS + i

    private final String subscripts;
    private final String[] terms;
    private final String output; // null: implicit

    public Einsum(String name, String subscripts, int[] inputOf, Tensor[] constants) {
        super(name, "Einsum", inputOf, constants);
        this.subscripts = subscripts;
        String s = subscripts.replace(" ", "");
        int arrow = s.indexOf("->");
        this.output = arrow < 0 ? null : s.substring(arrow + 2);
        this.terms = (arrow < 0 ? s : s.substring(0, arrow)).split(",", -1);
        if (terms.length != inputOf.length) {
            throw new IllegalArgumentException("Einsum '" + name + "': subscripts '" + subscripts + "' name " + terms.length + " operands, the call gives " + inputOf.length);
        }
        for (String t : terms) check(t);
        if (output != null) check(output);
    }

    private void check(String term) {
        String letters = term.replace("...", "");
        if (term.length() - letters.length() > 3) throw new IllegalArgumentException(who() + ": more than one ellipsis in '" + term + "'");
        for (char c : letters.toCharArray()) {
            if (!Character.isLetter(c)) throw new IllegalArgumentException(who() + ": subscripts '" + subscripts + "' hold '" + c + "'");
        }
    }

    /** Labels of every operand for the given ranks, then the output's, as {@code [operands..., output]}. */
    private int[][] labels(List<Shape> shapes) {
        int widest = 0;
        int[] ell = new int[terms.length];
        for (int o = 0; o < terms.length; o++) {
            int letters = terms[o].replace("...", "").length();
            ell[o] = terms[o].contains("...") ? shapes.get(o).rank() - letters : 0;
            if (ell[o] < 0 || (!terms[o].contains("...") && shapes.get(o).rank() != letters)) {
                throw new IllegalArgumentException(who() + ": operand " + o + " of shape " + shapes.get(o) + " does not fit '" + terms[o] + "'");
            }
            widest = Math.max(widest, ell[o]);
        }
        int[][] l = new int[terms.length + 1][];
        for (int o = 0; o < terms.length; o++) l[o] = expand(terms[o], widest - ell[o], ell[o]);
        if (output != null) {
            l[terms.length] = expand(output, 0, widest);
        } else {
            TreeSet<Integer> once = new TreeSet<>();
            String all = String.join("", terms).replace("...", "");
            for (char c : all.toCharArray()) if (all.indexOf(c) == all.lastIndexOf(c)) once.add((int) c);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < widest; i++) out.add(ELLIPSIS + i);
            out.addAll(once);
            l[terms.length] = out.stream().mapToInt(Integer::intValue).toArray();
        }
        return l;
    }

    private static int[] expand(String term, int first, int count) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < term.length(); i++) {
            if (term.startsWith("...", i)) {
                for (int k = 0; k < count; k++) l.add(ELLIPSIS + first + k);
                i += 2;
            } else {
                l.add((int) term.charAt(i));
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int[][] l = labels(in);
        return Contraction.shape(in, java.util.Arrays.copyOf(l, terms.length), l[terms.length], ELLIPSIS, who());
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        int[][] l = labels(in.stream().map(Tensor::shape).toList());
        return Contraction.compute(in, java.util.Arrays.copyOf(l, terms.length), l[terms.length], ELLIPSIS, who());
    }

    @Override
    public String details() {
        String c = constantsNote();
        return "'" + subscripts + "'" + (c.isEmpty() ? "" : "; " + c);
    }
}
