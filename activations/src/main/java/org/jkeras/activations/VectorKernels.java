package org.jkeras.activations;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Every use of {@code jdk.incubator.vector} in jkeras' activations. Only called behind {@link Simd#ENABLED}, so
 * this class is never loaded on a JVM without the incubator module.
 *
 * <p>Elementwise kernels process whole vectors from {@code off} and return the first index they did not touch;
 * the caller finishes the tail with its scalar reference. Piecewise-linear kernels run in float lanes with the
 * reference's exact float operations (bit-identical results), as do sigmoid, silu and glu, whose reference is the
 * float {@link FloatExp}. The other transcendental kernels widen to double lanes and evaluate the reference's double
 * formula, so they differ from it only by the last rounding to float (≤ 1 ulp).
 * Only the preferred float shape is used (see the transcendental section).
 * Rowwise kernels handle a whole row, tail included.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /** Bits of the preferred float vector on this CPU. */
    static int floatBits() {
        return F.vectorBitSize();
    }
    /** Floats per block of the double-lane kernels: two double vectors' worth. */
    private static final int FL = F.length();
    /** Lanes [D.length(), FL) of F: the upper half. */
    private static final VectorMask<Float> UPPER = VectorMask.fromLong(F, -1L << D.length());

    private VectorKernels() {
    }

    // ---- piecewise linear, float lanes, bit-exact ----

    /** Keras {@code relu(x, negative_slope=s, max_value=m, threshold=t)}, exactly as {@link Relu#apply}. */
    static int relu(float[] a, int off, int len, float s, float m, float t) {
        boolean leaky = s != 0 && Float.isNaN(m) && t == 0;
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector y;
            if (leaky) {
                y = x.max(x.mul(s));
            } else {
                y = t != 0 ? x.mul(FloatVector.zero(F).blend(1f, x.compare(GT, t))) : x.max(0f);
                if (!Float.isNaN(m)) y = y.max(0f).min(m);
                if (s != 0) y = y.sub((t != 0 ? x.neg().add(t) : x.neg()).max(0f).mul(s));
            }
            y.intoArray(a, i);
        }
        return end;
    }

    /** max(x, s·x). */
    static int leakyRelu(float[] a, int off, int len, float s) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            x.max(x.mul(s)).intoArray(a, i);
        }
        return end;
    }

    /** min(max(x, lo), hi). */
    static int clip(float[] a, int off, int len, float lo, float hi) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) FloatVector.fromArray(F, a, i).max(lo).min(hi).intoArray(a, i);
        return end;
    }

    /** clip(0.2x + 0.5, 0, 1). */
    static int hardSigmoidKeras2(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector.fromArray(F, a, i).mul(0.2f).add(0.5f).max(0f).min(1f).intoArray(a, i);
        }
        return end;
    }

    /** t = x/6 + 0.5; 0 if t ≤ 0, 1 if t ≥ 1, else t; times x when {@code timesX} (hard_silu). */
    static int hardSigmoidKeras3(float[] a, int off, int len, boolean timesX) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector t = x.div(6f).add(0.5f);
            t = t.blend(0f, t.compare(LE, 0f)).blend(1f, t.compare(GE, 1f));
            (timesX ? x.mul(t) : t).intoArray(a, i);
        }
        return end;
    }

    /** x if x > t else v. */
    static int threshold(float[] a, int off, int len, float t, float v) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector.broadcast(F, v).blend(x, x.compare(GT, t)).intoArray(a, i);
        }
        return end;
    }

    /** x − t if x > t, x + t if x < −t, else 0. */
    static int softShrink(float[] a, int off, int len, float t) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector.zero(F).blend(x.add(t), x.compare(LT, -t)).blend(x.sub(t), x.compare(GT, t)).intoArray(a, i);
        }
        return end;
    }

    /** x if |x| > t else 0. */
    static int hardShrink(float[] a, int off, int len, float t) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector.zero(F).blend(x, x.abs().compare(GT, t)).intoArray(a, i);
        }
        return end;
    }

    /** 0 if x ≤ −1, (x + 1)²/4 if x < 1, else x. */
    static int sparsePlus(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector y = x.add(1f);
            x.blend(y.mul(y).mul(0.25f), x.compare(LT, 1f)).blend(0f, x.compare(LE, -1f)).intoArray(a, i);
        }
        return end;
    }

    /** 0 if x ≤ −1, 1 if x ≥ 1, else (x + 1)/2. */
    static int sparseSigmoid(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            x.add(1f).mul(0.5f).blend(1f, x.compare(GE, 1f)).blend(0f, x.compare(LE, -1f)).intoArray(a, i);
        }
        return end;
    }

    /** x / (1 + |x|). */
    static int softsign(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += F.length()) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            x.div(x.abs().add(1f)).intoArray(a, i);
        }
        return end;
    }

    // ---- transcendental, double lanes, ≤ 1 ulp from the reference ----
    // ---- the sigmoid family, float lanes, bit-exact with FloatExp ----

    /** {@link FloatExp#timesSigmoid}, lane by lane. */
    private static FloatVector timesSigmoid(FloatVector y, FloatVector x) {
        FloatVector a = x.abs().neg(), t = a.max(FloatExp.LOWEST);
        FloatVector v = t.fma(FloatExp.LOG2E, FloatExp.ROUND);
        FloatVector n = v.sub(FloatExp.ROUND);
        FloatVector r = n.fma(all(-FloatExp.LN2_HI), t);
        r = n.fma(all(-FloatExp.LN2_LO), r);
        FloatVector q = r.fma(FloatExp.P0, FloatExp.P1);
        q = q.fma(r, all(FloatExp.P2));
        q = q.fma(r, all(FloatExp.P3));
        q = q.fma(r, all(FloatExp.P4));
        q = q.fma(r, all(FloatExp.P5));
        FloatVector p = q.fma(r.mul(r), r).add(1f);
        IntVector k = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS);
        IntVector k2 = k.lanewise(ASHR, 1), k1 = k.sub(k2);
        FloatVector m = p.mul(k1.add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, a.compare(LT, FloatExp.LOWEST));
        FloatVector s = k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats();
        FloatVector d = m.mul(s).add(1f);
        VectorMask<Float> negative = x.compare(LT, 0f);
        return y.blend(y.mul(m), negative).div(d).mul(all(1f).blend(s, negative));
    }

    private static FloatVector all(float c) {
        return FloatVector.broadcast(F, c);
    }

    static int sigmoid(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) timesSigmoid(all(1f), FloatVector.fromArray(F, a, i)).intoArray(a, i);
        return end;
    }

    static int silu(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            timesSigmoid(x, x).intoArray(a, i);
        }
        return end;
    }

    // Floats are read and written as preferred-shape vectors ({@link #F}, 2·{@link #HL} lanes) and widened in two
    // halves, lanes [0, HL) and [HL, 2·HL), to double vectors ({@link #D}). A half-width float species would be
    // simpler, but with two FloatVector classes in use the JIT no longer binds FloatVector calls statically in
    // other kernels: the Dense micro-kernel's epilogue stores then ran the Vector API's Java fallback (measured
    // ~14% of an MLP's time, depending on compilation order). Every lane still computes the reference's formula.

    /** e^(−|x|): never overflows. */
    private static DoubleVector expNegAbs(DoubleVector x) {
        return x.abs().neg().lanewise(EXP);
    }

    /** max(x, 0) + log1p(e^(−|x|)). */
    private static DoubleVector softplus(DoubleVector x) {
        return x.max(0).add(expNegAbs(x).lanewise(LOG1P));
    }

    static int tanh(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(lo(f).lanewise(TANH), hi(f).lanewise(TANH)).intoArray(a, i);
        }
        return end;
    }

    static int exp(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(lo(f).lanewise(EXP), hi(f).lanewise(EXP)).intoArray(a, i);
        }
        return end;
    }

    static int softplus(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(softplus(lo(f)), softplus(hi(f))).intoArray(a, i);
        }
        return end;
    }

    /** min(x, 0) − log1p(e^(−|x|)). */
    private static DoubleVector logSigmoid(DoubleVector x) {
        return x.min(0).sub(expNegAbs(x).lanewise(LOG1P));
    }

    static int logSigmoid(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(logSigmoid(lo(f)), logSigmoid(hi(f))).intoArray(a, i);
        }
        return end;
    }

    private static DoubleVector mish(DoubleVector x) {
        return x.mul(softplus(x).lanewise(TANH));
    }

    static int mish(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(mish(lo(f)), mish(hi(f))).intoArray(a, i);
        }
        return end;
    }

    /** scale · (x ≥ 0 ? x : alpha·expm1(x)): elu with scale 1, selu. */
    private static DoubleVector elu(DoubleVector x, double alpha, double scale) {
        return x.lanewise(EXPM1).mul(alpha).blend(x, x.compare(GE, 0)).mul(scale);
    }

    static int elu(float[] a, int off, int len, double alpha, double scale) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(elu(lo(f), alpha, scale), elu(hi(f), alpha, scale)).intoArray(a, i);
        }
        return end;
    }

    /** max(x, 0) + alpha·expm1(min(x, 0)/alpha). */
    private static DoubleVector celu(DoubleVector x, double alpha) {
        return x.max(0).add(x.min(0).div(alpha).lanewise(EXPM1).mul(alpha));
    }

    static int celu(float[] a, int off, int len, double alpha) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(celu(lo(f), alpha), celu(hi(f), alpha)).intoArray(a, i);
        }
        return end;
    }

    /** x / (1 + e^(−2u)), u = √(2/π)(x + 0.044715x³): the tanh form of gelu, written as x·sigmoid(2u). */
    private static DoubleVector geluTanh(DoubleVector x) {
        DoubleVector u = x.mul(x).mul(x).mul(Gelu.CUBIC).add(x).mul(Gelu.SQRT_2_OVER_PI);
        return x.div(u.mul(-2).lanewise(EXP).add(1));
    }

    // Cephes' polynomials as Erf evaluates them (multiply, then add), written out: a vector carried through a
    // loop nested in the caller's loop is boxed by C2, an allocation per step.

    /** c[0]·x⁴ + … + c[4]. */
    private static DoubleVector poly5(DoubleVector x, double[] c) {
        return x.mul(c[0]).add(c[1]).mul(x).add(c[2]).mul(x).add(c[3]).mul(x).add(c[4]);
    }

    /** c[0]·x⁵ + … + c[5]. */
    private static DoubleVector poly6(DoubleVector x, double[] c) {
        return poly5(x, c).mul(x).add(c[5]);
    }

    /** c[0]·x⁸ + … + c[8]. */
    private static DoubleVector poly9(DoubleVector x, double[] c) {
        return poly6(x, c).mul(x).add(c[6]).mul(x).add(c[7]).mul(x).add(c[8]);
    }

    /** x⁵ + c[0]·x⁴ + … + c[4]. */
    private static DoubleVector poly1of5(DoubleVector x, double[] c) {
        return x.add(c[0]).mul(x).add(c[1]).mul(x).add(c[2]).mul(x).add(c[3]).mul(x).add(c[4]);
    }

    /** x⁶ + c[0]·x⁵ + … + c[5]. */
    private static DoubleVector poly1of6(DoubleVector x, double[] c) {
        return poly1of5(x, c).mul(x).add(c[5]);
    }

    /** x⁸ + c[0]·x⁷ + … + c[7]. */
    private static DoubleVector poly1of8(DoubleVector x, double[] c) {
        return poly1of6(x, c).mul(x).add(c[6]).mul(x).add(c[7]);
    }

    /**
     * 0.5·x·erfc(−x/√2), the exact gelu, as {@link Gelu#apply} computes it with {@link Erf}: each branch of erfc
     * evaluated on every lane and the lane's own picked, so only the exponential can differ from the scalar path.
     */
    private static DoubleVector geluErf(DoubleVector x) {
        DoubleVector z = x.neg().mul(Gelu.SQRT_HALF), a = z.abs(), z2 = z.mul(z);
        VectorMask<Double> below1 = a.compare(LT, 1), from8 = a.compare(GE, 8);
        DoubleVector small = DoubleVector.broadcast(D, 1).sub(z.mul(poly5(z2, Erf.T)).div(poly1of5(z2, Erf.U)));
        if (below1.allTrue()) return x.mul(0.5).mul(small); // the usual pre-activations: no exponential, no other branch
        DoubleVector ratio = poly9(a, Erf.P).div(poly1of8(a, Erf.Q));
        if (from8.anyTrue()) ratio = ratio.blend(poly6(a, Erf.R).div(poly1of6(a, Erf.S)), from8);
        DoubleVector y = a.neg().mul(a).lanewise(EXP).mul(ratio);
        DoubleVector large = y.blend(DoubleVector.broadcast(D, 2).sub(y), z.compare(LT, 0));
        DoubleVector erfc = large.blend(small, below1);
        return x.mul(0.5).mul(erfc);
    }

    static int geluErf(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(geluErf(lo(f)), geluErf(hi(f))).intoArray(a, i);
        }
        return end;
    }

    static int geluTanh(float[] a, int off, int len) {
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector f = FloatVector.fromArray(F, a, i);
            join(geluTanh(lo(f)), geluTanh(hi(f))).intoArray(a, i);
        }
        return end;
    }

    /** Lanes [0, HL) of f, widened. */
    private static DoubleVector lo(FloatVector f) {
        return (DoubleVector) f.convertShape(F2D, D, 0);
    }

    /** Lanes [HL, 2·HL) of f, widened. */
    private static DoubleVector hi(FloatVector f) {
        return (DoubleVector) f.convertShape(F2D, D, 1);
    }

    /** The float vector whose halves are lo and hi, each rounded to float. */
    private static FloatVector join(DoubleVector lo, DoubleVector hi) {
        return ((FloatVector) lo.convertShape(D2F, F, 0)).blend((FloatVector) hi.convertShape(D2F, F, -1), UPPER);
    }

    // ---- rowwise, whole row including the tail ----

    private static float max(float[] a, int off, int width) {
        int end = off + F.loopBound(width), i = off;
        float m = Float.NEGATIVE_INFINITY;
        if (end > off) {
            FloatVector acc = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            for (; i < end; i += F.length()) acc = acc.max(FloatVector.fromArray(F, a, i));
            m = acc.reduceLanes(MAX);
        }
        for (; i < off + width; i++) m = Math.max(m, a[i]);
        return m;
    }

    /** As {@link Softmax#referenceRows}: e = (float) exp(x − max) stored in place, then e / Σe. */
    static void softmaxRow(float[] a, int off, int width) {
        float m = max(a, off, width);
        int end = off + F.loopBound(width), i = off;
        DoubleVector acc = DoubleVector.zero(D);
        for (; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i).sub(m);
            FloatVector e = join(lo(x).lanewise(EXP), hi(x).lanewise(EXP));
            e.intoArray(a, i);
            acc = acc.add(lo(e)).add(hi(e));
        }
        double sum = acc.reduceLanes(ADD);
        if (off + width - i >= D.length()) { // a narrow row (10 classes) or a long tail: exp a double vector at a time
            double[] t = new double[D.length()];
            for (; i + t.length <= off + width; i += t.length) {
                for (int j = 0; j < t.length; j++) t[j] = a[i + j] - m;
                DoubleVector.fromArray(D, t, 0).lanewise(EXP).intoArray(t, 0);
                for (int j = 0; j < t.length; j++) {
                    a[i + j] = (float) t[j];
                    sum += a[i + j];
                }
            }
        }
        for (; i < off + width; i++) {
            a[i] = (float) Math.exp(a[i] - m);
            sum += a[i];
        }
        for (i = off; i < end; i += FL) {
            FloatVector e = FloatVector.fromArray(F, a, i);
            join(lo(e).div(sum), hi(e).div(sum)).intoArray(a, i);
        }
        for (; i < off + width; i++) a[i] = (float) (a[i] / sum);
    }

    /** As {@link LogSoftmax#referenceRows}: (x − max) − lse, lse = log(c) + log1p(Σ_{x<max} e^(x−max) / c). */
    static void logSoftmaxRow(float[] a, int off, int width) {
        float m = max(a, off, width);
        int end = off + F.loopBound(width), i = off, atMax = 0;
        DoubleVector acc = DoubleVector.zero(D);
        for (; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i).sub(m);
            DoubleVector d = lo(x), e = hi(x);
            VectorMask<Double> zd = d.compare(EQ, 0), ze = e.compare(EQ, 0);
            atMax += zd.trueCount() + ze.trueCount();
            acc = acc.add(d.lanewise(EXP), zd.not()).add(e.lanewise(EXP), ze.not());
        }
        double rest = acc.reduceLanes(ADD);
        for (; i < off + width; i++) {
            float d = a[i] - m;
            if (d == 0) atMax++;
            else rest += Math.exp(d);
        }
        double lse = LogSoftmax.logSumExp(atMax, rest);
        for (i = off; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i).sub(m);
            join(lo(x).sub(lse), hi(x).sub(lse)).intoArray(a, i);
        }
        for (; i < off + width; i++) a[i] = (float) ((double) (a[i] - m) - lse);
    }

    /** out[j] = a[in + j] · sigmoid(a[in + half + j]) for whole vectors of j; returns the first j not done. */
    static int gluRow(float[] a, int in, int out, int half) {
        int end = F.loopBound(half);
        for (int j = 0; j < end; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, in + j), g = FloatVector.fromArray(F, a, in + half + j);
            timesSigmoid(x, g).intoArray(a, out + j);
        }
        return end;
    }
}
