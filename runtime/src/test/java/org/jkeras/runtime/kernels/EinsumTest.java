package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Einsum's packed path and scalar reference, each against loops written out by hand (double sums) per equation. */
class EinsumTest {
    private static final Random RNG = new Random(12);

    private static Tensor random(int... dims) {
        float[] d = new float[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) RNG.nextGaussian();
        return Tensor.of(d, dims);
    }

    /** Both paths of {@code subscripts} on {@code ops} equal {@code expected} (shape and values within float rounding). */
    private static void check(String subscripts, double[] expected, int[] expectedShape, Tensor... ops) {
        Shape[] shapes = new Shape[ops.length];
        for (int i = 0; i < ops.length; i++) shapes[i] = ops[i].shape();
        Einsum e = Einsum.parse(subscripts, shapes);
        assertEquals(Shape.of(expectedShape), e.outputShape(), subscripts + " output shape");
        for (Tensor got : new Tensor[] {e.apply(ops), e.reference(ops)}) {
            assertEquals(Shape.of(expectedShape), got.shape(), subscripts);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got.data()[i], 1e-5 + 1e-5 * Math.abs(expected[i]), subscripts + " at " + i);
            }
        }
        if (ops.length == 2) {
            Tensor got = e.withConstant(ops[1].data()).apply(ops[0]);
            for (int i = 0; i < expected.length; i++) assertEquals(expected[i], got.data()[i], 1e-5 + 1e-5 * Math.abs(expected[i]), subscripts + " constant, at " + i);
        }
    }

    @Test
    void matmul() {
        Tensor a = random(3, 5), b = random(5, 4);
        double[] y = new double[12];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 5; k++) y[i * 4 + j] += (double) a.data()[i * 5 + k] * b.data()[k * 4 + j];
        check("ab,bc->ac", y, new int[] {3, 4}, a, b);
        check("ab,bc", y, new int[] {3, 4}, a, b); // implicit output: the letters used once, in order
    }

    @Test
    void denseOnSequences() {
        Tensor x = random(2, 3, 5), w = random(5, 4);
        double[] y = new double[24];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int d = 0; d < 4; d++) for (int c = 0; c < 5; c++) {
            y[(a * 3 + b) * 4 + d] += (double) x.data()[(a * 3 + b) * 5 + c] * w.data()[c * 4 + d];
        }
        check("abc,cd->abd", y, new int[] {2, 3, 4}, x, w);
        check("...b,bc->...c", y, new int[] {2, 3, 4}, x, w);
    }

    @Test
    void projectionToHeadsAndBack() {
        Tensor x = random(2, 3, 5), w = random(5, 2, 4); // abc,cde->abde
        double[] y = new double[2 * 3 * 2 * 4];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int d = 0; d < 2; d++) for (int e = 0; e < 4; e++) for (int c = 0; c < 5; c++) {
            y[((a * 3 + b) * 2 + d) * 4 + e] += (double) x.data()[(a * 3 + b) * 5 + c] * w.data()[(c * 2 + d) * 4 + e];
        }
        check("abc,cde->abde", y, new int[] {2, 3, 2, 4}, x, w);

        Tensor h = random(2, 3, 2, 4), wo = random(2, 4, 6); // abcd,cde->abe
        double[] z = new double[2 * 3 * 6];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int e = 0; e < 6; e++) for (int c = 0; c < 2; c++) for (int d = 0; d < 4; d++) {
            z[(a * 3 + b) * 6 + e] += (double) h.data()[((a * 3 + b) * 2 + c) * 4 + d] * wo.data()[(c * 4 + d) * 6 + e];
        }
        check("abcd,cde->abe", z, new int[] {2, 3, 6}, h, wo);
    }

    @Test
    void attentionScoresAndCombine() {
        int B = 2, Q = 3, K = 4, H = 2, D = 5;
        Tensor q = random(B, Q, H, D), k = random(B, K, H, D);
        double[] s = new double[B * H * Q * K];
        for (int b = 0; b < B; b++) for (int h = 0; h < H; h++) for (int i = 0; i < Q; i++) for (int j = 0; j < K; j++) for (int d = 0; d < D; d++) {
            s[((b * H + h) * Q + i) * K + j] += (double) q.data()[((b * Q + i) * H + h) * D + d] * k.data()[((b * K + j) * H + h) * D + d];
        }
        check("bqhd,bkhd->bhqk", s, new int[] {B, H, Q, K}, q, k);

        Tensor p = random(B, H, Q, K), v = random(B, K, H, D);
        double[] o = new double[B * Q * H * D];
        for (int b = 0; b < B; b++) for (int i = 0; i < Q; i++) for (int h = 0; h < H; h++) for (int d = 0; d < D; d++) for (int j = 0; j < K; j++) {
            o[((b * Q + i) * H + h) * D + d] += (double) p.data()[((b * H + h) * Q + i) * K + j] * v.data()[((b * K + j) * H + h) * D + d];
        }
        check("buqk,bkuh->bquh", o, new int[] {B, Q, H, D}, p, v);
    }

    @Test
    void singleOperand() {
        Tensor m = random(4, 4);
        double[] diag = new double[4], t = new double[16], total = new double[1], rows = new double[4];
        for (int i = 0; i < 4; i++) {
            diag[i] = m.data()[i * 5];
            for (int j = 0; j < 4; j++) {
                t[j * 4 + i] = m.data()[i * 4 + j];
                total[0] += m.data()[i * 4 + j];
                rows[i] += m.data()[i * 4 + j];
            }
        }
        check("ii->i", diag, new int[] {4}, m);
        check("ij->ji", t, new int[] {4, 4}, m);
        check("ij->", total, new int[] {}, m);
        check("ij->i", rows, new int[] {4}, m);
        double[] trace = {diag[0] + diag[1] + diag[2] + diag[3]};
        check("ii", trace, new int[] {}, m);
    }

    @Test
    void outerAndElementwise() {
        Tensor a = random(3), b = random(4);
        double[] y = new double[12];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) y[i * 4 + j] = (double) a.data()[i] * b.data()[j];
        check("i,j->ij", y, new int[] {3, 4}, a, b);
        Tensor c = random(3, 4), d = random(3, 4);
        double[] z = new double[12];
        for (int i = 0; i < 12; i++) z[i] = (double) c.data()[i] * d.data()[i];
        check("ij,ij->ij", z, new int[] {3, 4}, c, d);
        double[] w = new double[4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) w[j] += (double) c.data()[i * 4 + j] * d.data()[i * 4 + j];
        check("ij,ij->j", w, new int[] {4}, c, d);
    }

    @Test
    void ellipsisBroadcastsSizeOne() {
        Tensor a = random(2, 1, 3, 4), b = random(5, 4, 2); // ...ij,...jk->...ik: (2, 1) and (5,) broadcast to (2, 5)
        double[] y = new double[2 * 5 * 3 * 2];
        for (int p = 0; p < 2; p++) for (int r = 0; r < 5; r++) for (int i = 0; i < 3; i++) for (int k = 0; k < 2; k++) for (int j = 0; j < 4; j++) {
            y[((p * 5 + r) * 3 + i) * 2 + k] += (double) a.data()[(p * 3 + i) * 4 + j] * b.data()[(r * 4 + j) * 2 + k];
        }
        check("...ij,...jk->...ik", y, new int[] {2, 5, 3, 2}, a, b);
    }

    @Test
    void batchLabelInTheConstantFallsBackToTheGeneralPath() {
        Tensor x = random(2, 3, 5), w = random(3, 5, 4); // abc,bcd->abd: a per-position kernel
        double[] y = new double[2 * 3 * 4];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int d = 0; d < 4; d++) for (int c = 0; c < 5; c++) {
            y[(a * 3 + b) * 4 + d] += (double) x.data()[(a * 3 + b) * 5 + c] * w.data()[(b * 5 + c) * 4 + d];
        }
        check("abc,bcd->abd", y, new int[] {2, 3, 4}, x, w);
    }

    @Test
    void unknownDimensionsResolveWhenTheOperandsArrive() {
        Einsum e = Einsum.parse("abc,cd->abd", Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, 5), Shape.of(5, 4));
        assertEquals(Shape.of(Shape.UNKNOWN, Shape.UNKNOWN, 4), e.outputShape());
        Tensor x = random(3, 7, 5), w = random(5, 4);
        Tensor got = e.withConstant(w.data()).apply(x);
        assertEquals(Shape.of(3, 7, 4), got.shape());
        float[] ref = e.reference(x, w).data();
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], got.data()[i], 1e-5f);
    }

    @Test
    void largeContractionMatchesTheReference() {
        Tensor x = random(40, 70), w = random(70, 50); // several panels and row tiles of the packed kernel
        Einsum e = Einsum.parse("ij,jk->ik", x.shape(), w.shape());
        float[] fast = e.apply(x, w).data(), ref = e.reference(x, w).data();
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], fast[i], 1e-4f * (1 + Math.abs(ref[i])), "at " + i);
    }

    @Test
    void badSubscriptsAreNamed() {
        Shape s2 = Shape.of(2, 3);
        assertMessage("ab,bc->ac", () -> Einsum.parse("ab,bc->ac", s2));
        assertMessage("'...'", () -> Einsum.parse("ab...,bc->ac", Shape.of(2, 3, 5), Shape.of(3, 4)));
        assertMessage("repeated", () -> Einsum.parse("ab->aa", s2));
        assertMessage("no operand", () -> Einsum.parse("ab->z", s2));
        assertMessage("character", () -> Einsum.parse("a1->a", s2));
        assertMessage("does not fit", () -> Einsum.parse("abc->a", s2));
        assertMessage("label 'b'", () -> Einsum.parse("ab,bc->ac", s2, Shape.of(4, 2)));
        Einsum e = Einsum.parse("ab,bc->ac", Shape.of(Shape.UNKNOWN, 3), Shape.of(3, 4));
        assertMessage("operand 0", () -> e.apply(random(2, 4), random(3, 4)));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable ex) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
