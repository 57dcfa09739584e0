package org.jkeras.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Einsum, Matmul, Tensordot and Dot against a naive einsum: every assignment of the labels visited, in double. */
class LinearAlgebraOpsTest {
    static final Random R = new Random(11);

    static Tensor random(int... dims) {
        float[] d = new float[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) R.nextGaussian();
        return Tensor.of(d, dims);
    }

    /** Naive einsum of explicit subscripts (letters only, one label per axis, sizes from the operands). */
    static Tensor naive(String subscripts, Tensor... ops) {
        String[] io = subscripts.split("->");
        String[] terms = io[0].split(",");
        Map<Character, Integer> size = new HashMap<>();
        for (int o = 0; o < ops.length; o++) {
            for (int a = 0; a < terms[o].length(); a++) size.put(terms[o].charAt(a), ops[o].shape().dim(a));
        }
        List<Character> labels = new ArrayList<>(size.keySet());
        int[] outDims = io[1].chars().map(c -> size.get((char) c)).toArray();
        double[] out = new double[Shape.of(outDims).size()];
        int[] val = new int[labels.size()];
        while (true) {
            double p = 1;
            for (int o = 0; o < ops.length; o++) p *= ops[o].data()[flat(terms[o], val, labels, ops[o].shape().dims())];
            out[flat(io[1], val, labels, outDims)] += p;
            int l = 0;
            while (l < val.length && ++val[l] == size.get(labels.get(l))) val[l++] = 0;
            if (l == val.length) break;
        }
        float[] f = new float[out.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) out[i];
        return Tensor.of(f, outDims);
    }

    static int flat(String term, int[] val, List<Character> labels, int[] dims) {
        int at = 0;
        for (int a = 0; a < term.length(); a++) at = at * dims[a] + val[labels.indexOf(term.charAt(a))];
        return at;
    }

    static void assertClose(Tensor want, Tensor got, String what) {
        assertArrayEquals(want.shape().dims(), got.shape().dims(), what + ": shape");
        for (int i = 0; i < want.size(); i++) assertEquals(want.data()[i], got.data()[i], 1e-5f + 1e-5f * Math.abs(want.data()[i]), what + " at " + i);
    }

    static int[] inputs(int n) {
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = i;
        return in;
    }

    static Tensor einsum(String s, Tensor... ops) {
        return new Einsum("einsum", s, inputs(ops.length), new Tensor[ops.length]).forward(List.of(ops));
    }

    @Test
    void einsumOfAttentionAndProjections() {
        Tensor q = random(2, 5, 3, 4), k = random(2, 6, 3, 4), w = random(2, 3, 5, 6), x = random(2, 5, 4), p = random(4, 7);
        assertClose(naive("bqhd,bkhd->bhqk", q, k), einsum("bqhd,bkhd->bhqk", q, k), "scores");
        assertClose(naive("bhqk,bkhd->bqhd", w, k), einsum("bhqk,bkhd->bqhd", w, k), "context");
        assertClose(naive("bij,bkj->bik", x, x), einsum("bij,bkj->bik", x, x), "gram");
        assertClose(naive("abc,cd->abd", x, p), einsum("abc,cd->abd", x, p), "projection");
        assertClose(naive("ij->ji", p), einsum("ij->ji", p), "transpose");
        assertClose(naive("bij->b", x), einsum("bij->b", x), "sum");
        assertClose(naive("bij->bj", x), einsum("bij->bj", x), "sum over i");
        Tensor r = random(7, 2);
        assertClose(naive("bij,jk,kl->bil", x, p, r), einsum("bij,jk,kl->bil", x, p, r), "three operands");
        assertClose(naive("ab,ab->a", p, p), einsum("ab,ab->a", p, p), "rowwise dot");
        Tensor o = random(2, 3);
        assertClose(naive("ab,cd->abcd", p, o), einsum("ab,cd->abcd", p, o), "outer");
    }

    @Test
    void einsumEllipsisAndImplicitOutput() {
        Tensor a = random(2, 3, 4, 5), b = random(2, 3, 5, 6);
        assertClose(naive("xyij,xyjk->xyik", a, b), einsum("...ij,...jk->...ik", a, b), "ellipsis");
        assertClose(naive("xyij,xyjk->xyik", a, b), einsum("...ij,...jk", a, b), "implicit: ellipsis first, then i, k");
        assertClose(naive("xyij->xyji", a), einsum("...ij->...ji", a), "ellipsis transpose");
        Tensor c = random(3, 5, 6);
        Tensor bc = Tensor.of(new BroadcastTo("b", new int[] {2, 3, 5, 6}).forward(List.of(c)).data(), 2, 3, 5, 6);
        assertClose(naive("xyij,xyjk->xyik", a, bc), einsum("...ij,...jk->...ik", a, c), "ellipsis broadcast");
        Tensor m = random(4, 3);
        assertClose(naive("ba->ab", m), einsum("ba", m), "implicit transpose: labels sorted");
        assertThrows(IllegalArgumentException.class, () -> einsum("ii->i", random(3, 3)), "diagonals are refused");
        // as tf.einsum: only the ellipsis axes stretch a size of 1; lettered sizes must agree
        assertThrows(IllegalArgumentException.class, () -> einsum("bij,bij->bij", random(1, 4, 3), random(2, 4, 3)));
        assertThrows(IllegalArgumentException.class, () -> new Tensordot("t", 1, null, null, inputs(2), new Tensor[2]).forward(List.of(random(2, 1), random(3, 2))));
    }

    @Test
    void matmulAsNumPy() {
        Tensor a = random(2, 3, 4, 5), b = random(3, 5, 6), v5 = random(5), v4 = random(4);
        Tensor mm = new Matmul("m", inputs(2), new Tensor[2]).forward(List.of(a, b));
        Tensor bb = Tensor.of(new BroadcastTo("b", new int[] {2, 3, 5, 6}).forward(List.of(b)).data(), 2, 3, 5, 6);
        assertClose(naive("xyij,xyjk->xyik", a, bb), mm, "broadcast batch dims");
        assertClose(naive("xyij,j->xyi", a, v5), new Matmul("m", inputs(2), new Tensor[2]).forward(List.of(a, v5)), "1-D right");
        assertClose(naive("i,xyij->xyj", v4, a), new Matmul("m", inputs(2), new Tensor[2]).forward(List.of(v4, a)), "1-D left");
        Tensor w = random(5, 70), x = random(2, 16, 5);
        Tensor packed = new Matmul("m", new int[] {0, -1}, new Tensor[] {null, w}).forward(List.of(x));
        assertClose(naive("bij,jk->bik", x, w), packed, "constant weight, packed once");
        assertEquals(Shape.of(16, 70), new Matmul("m", new int[] {0, -1}, new Tensor[] {null, w}).outputShape(List.of(Shape.of(16, 5))));
        assertThrows(IllegalArgumentException.class, () -> new Matmul("m", inputs(2), new Tensor[2]).outputShape(List.of(Shape.of(4, 5), Shape.of(4, 6))));
    }

    @Test
    void tensordotAndDot() {
        Tensor a = random(2, 4, 5), b = random(5, 3), c = random(4, 5, 6), d = random(6, 4, 2), v = random(5);
        assertClose(naive("bij,jk->bik", a, b), new Tensordot("t", 1, null, null, inputs(2), new Tensor[2]).forward(List.of(a, b)), "axes 1");
        assertClose(naive("bij,ijk->bk", a, c), new Tensordot("t", 2, null, null, inputs(2), new Tensor[2]).forward(List.of(a, c)), "axes 2");
        assertClose(naive("bij,kil->bjkl", a, d), new Tensordot("t", -1, new int[] {1}, new int[] {1}, inputs(2), new Tensor[2]).forward(List.of(a, d)),
                "axes [[1], [1]]");
        assertClose(naive("bij,ijk->bk", a, c), new Tensordot("t", -1, new int[] {-2, -1}, new int[] {0, 1}, inputs(2), new Tensor[2]).forward(List.of(a, c)),
                "axes [[-2, -1], [0, 1]]");
        Dot dot = new Dot("d", inputs(2), new Tensor[2]);
        assertClose(naive("bij,jk->bik", a, b), dot.forward(List.of(a, b)), "N-D . 2-D");
        assertClose(naive("bij,j->bi", a, v), dot.forward(List.of(a, v)), "N-D . 1-D");
        assertClose(naive("bij,kjl->bikl", a, c), dot.forward(List.of(a, c)), "N-D . N-D: last axis against the second-to-last");
        Tensor scaled = new Dot("d", new int[] {0, -1}, new Tensor[] {null, new Tensor(Shape.of(), new float[] {2.5f})}).forward(List.of(a));
        for (int i = 0; i < a.size(); i++) assertEquals(a.data()[i] * 2.5f, scaled.data()[i], 1e-6f, "scalar constant");
    }
}
