package org.jkeras.activations;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;

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
 * reference's exact float operations (bit-identical results), as do the transcendental ones (sigmoid, silu, glu,
 * tanh, gelu, softmax's exponential, exponential, softplus, log_sigmoid, mish, elu, selu, celu), whose reference is
 * the float {@link FloatExp}. Only the preferred float shape is used (see the transcendental section).
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

    // ---- the sigmoid family, tanh, gelu and softmax's exponential, float lanes, bit-exact with FloatExp ----
    // Each kernel is one flat method of Vector API calls with its constants broadcast before the loop, and no helper
    // method passes a vector. Inlined into a caller whose inlining budget is spent (a convolution's epilogue), C2
    // refuses some helpers (NodeCountInliningCutoff, MaxInlineLevel), and a refused helper boxes every vector it
    // passes: silu fused into EfficientNet's convolutions ran 3x slower that way. expFamily (over 325 bytes of
    // bytecode, so compiled on its own rather than inlined) serves the sigmoid family and softmax; tanh and gelu's
    // erfc write the same e^t core out again, operation for operation as FloatExp.head/tail, rather than add their
    // branches to one compilation that C2's node budget would no longer hold.

    static final int SIGMOID = 0, SILU = 1, GLU = 2, GELU_TANH = 3, SHIFTED_EXP = 4;

    /**
     * a[out + j] = y·sigmoid(x) for whole vectors of j &lt; n, as {@link FloatExp#timesSigmoid}: x = a[xo + j] and
     * y = 1 (SIGMOID), x (SILU) or a[yo + j] (GLU); for GELU_TANH y = x and the sigmoid's argument is 2u,
     * u = √(2/π)(x + 0.044715x³) ({@link FloatExp#geluTanh}); for SHIFTED_EXP, a[out + j] = e^(x − shift) with x − shift ≤ 0
     * ({@link FloatExp#expNonPositive}). Returns the first j not done.
     */
    static int expFamily(float[] a, int yo, int xo, int out, int n, int kind, float shift) {
        FloatVector one = FloatVector.broadcast(F, 1f), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO), p0 = FloatVector.broadcast(F, FloatExp.E0);
        FloatVector p1 = FloatVector.broadcast(F, FloatExp.E1), p2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector p3 = FloatVector.broadcast(F, FloatExp.E3), p4 = FloatVector.broadcast(F, FloatExp.E4);
        FloatVector p5 = FloatVector.broadcast(F, FloatExp.E5);
        int end = F.loopBound(n);
        for (int j = 0; j < end; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, xo + j);
            FloatVector y = kind == SIGMOID ? one : kind == GLU ? FloatVector.fromArray(F, a, yo + j) : x;
            if (kind == GELU_TANH) x = x.mul(FloatExp.CUBIC).fma(x.mul(x), x).mul(2f * FloatExp.SQRT_2_OVER_PI);
            FloatVector t = kind == SHIFTED_EXP ? x.sub(shift) : x.abs().neg(), c = t.max(FloatExp.LOWEST), v = c.fma(log2e, round);
            FloatVector k = v.sub(round);
            FloatVector r = k.fma(ln2hi, c);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), e = q.fma(r.mul(r), r).add(one);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            FloatVector s = k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats();
            if (kind == SHIFTED_EXP) {
                m.mul(s).intoArray(a, out + j);
            } else {
                VectorMask<Float> negative = x.compare(LT, 0f);
                y.blend(y.mul(m), negative).div(m.mul(s).add(one)).mul(one.blend(s, negative)).intoArray(a, out + j);
            }
        }
        return end;
    }

    /** {@link FloatExp#tanh} for whole vectors, both branches on every lane; returns the first index not done. */
    static int tanh(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(F, 1f), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO), p0 = FloatVector.broadcast(F, FloatExp.E0);
        FloatVector p1 = FloatVector.broadcast(F, FloatExp.E1), p2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector p3 = FloatVector.broadcast(F, FloatExp.E3), p4 = FloatVector.broadcast(F, FloatExp.E4);
        FloatVector p5 = FloatVector.broadcast(F, FloatExp.E5), t0 = FloatVector.broadcast(F, FloatExp.TANH_P[0]);
        FloatVector t1 = FloatVector.broadcast(F, FloatExp.TANH_P[1]), t2 = FloatVector.broadcast(F, FloatExp.TANH_P[2]);
        FloatVector t3 = FloatVector.broadcast(F, FloatExp.TANH_P[3]), t4 = FloatVector.broadcast(F, FloatExp.TANH_P[4]);
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i), ax = x.abs(), z = ax.mul(ax);
            FloatVector small = z.fma(t0, t1).fma(z, t2).fma(z, t3).fma(z, t4).mul(z).fma(ax, ax);
            FloatVector t = ax.add(ax).neg(), c = t.max(FloatExp.LOWEST), v = c.fma(log2e, round), k = v.sub(round);
            FloatVector r = k.fma(ln2hi, c);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), e = q.fma(r.mul(r), r).add(one);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            FloatVector ex = m.mul(k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats()), large = one.sub(ex).div(one.add(ex));
            IntVector y = large.blend(small, ax.compare(LT, FloatExp.TANH_SMALL)).reinterpretAsInts().and(0x7fffffff);
            y.or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats().intoArray(a, i); // copySign(y, x)
        }
        return end;
    }

    /** Floats per pass of a kernel run in passes (gelu's wide branch, softplus): calls and scratch serve this many lanes. */
    private static final int PASS_BLOCK = 16 * FL;
    /** Per thread: a Dense epilogue calls gelu per 64-float tile row, where a new scratch array cost a fifth of the time. */
    private static final ThreadLocal<float[]> PASS_SCRATCH = ThreadLocal.withInitial(() -> new float[2 * PASS_BLOCK]);

    /** {@link FloatExp#geluErf} for whole vectors; returns the first index not done. */
    static int geluErf(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(F, 1f), t0 = FloatVector.broadcast(F, FloatExp.ERF[0]);
        FloatVector t1 = FloatVector.broadcast(F, FloatExp.ERF[1]), t2 = FloatVector.broadcast(F, FloatExp.ERF[2]);
        FloatVector t3 = FloatVector.broadcast(F, FloatExp.ERF[3]), t4 = FloatVector.broadcast(F, FloatExp.ERF[4]);
        FloatVector t5 = FloatVector.broadcast(F, FloatExp.ERF[5]), t6 = FloatVector.broadcast(F, FloatExp.ERF[6]);
        int end = off + F.loopBound(len);
        float[] scratch = null;
        for (int i = off; i < end; i += PASS_BLOCK) {
            int n = Math.min(PASS_BLOCK, end - i);
            boolean small = true; // |x/√2| < 1 in every lane of the block
            for (int j = i; j < i + n && small; j += FL) small = FloatVector.fromArray(F, a, j).mul(FloatExp.SQRT_HALF).abs().compare(LT, 1f).allTrue();
            if (small) {
                for (int j = i; j < i + n; j += FL) {
                    FloatVector x = FloatVector.fromArray(F, a, j), h = x.mul(0.5f), z2 = h.mul(x);
                    FloatVector erf = z2.fma(t0, t1).fma(z2, t2).fma(z2, t3).fma(z2, t4).fma(z2, t5).fma(z2, t6);
                    h.mul(x.mul(FloatExp.SQRT_HALF).fma(erf, one)).intoArray(a, j);
                }
            } else {
                if (scratch == null) scratch = PASS_SCRATCH.get();
                passes(GELU_WIDE, a, i, n, scratch);
            }
        }
        return end;
    }

    /**
     * {@link FloatExp#geluErf} of the block a[i, i + n) (whole vectors), some lane of which has |x/√2| ≥ 1: every
     * branch on every lane, each lane's own picked, in three passes over the block that hand their results on
     * through {@code scratch} (its two halves). As one compilation the ~90 vector
     * operations per vector exceed C2's node budget and, depending on compilation order, part of them ran boxed (the
     * encoder's gelu layers 2x slower in some runs); each pass alone fits. They are called through one call site
     * ({@link #passes}) with several receivers, which C2 never inlines: once per block, not per vector.
     */
    private interface WideStep {
        void run(float[] a, int i, int n, float[] scratch);
    }

    private static final WideStep[] GELU_WIDE = {VectorKernels::geluWideExp, VectorKernels::geluWideErfc, VectorKernels::geluWideJoin};

    /** Runs {@code steps} on a block: the one call site of every pass, so that it stays megamorphic and not inlined. */
    private static void passes(WideStep[] steps, float[] a, int i, int n, float[] scratch) {
        for (WideStep step : steps) step.run(a, i, n, scratch);
    }

    /** scratch[j] = m·(1 − lo), scratch[half + j] = s: e^(−a²) = m·s·(1 − lo), a² = x²/2 = hi + lo exactly; m, s as in expFamily. */
    private static void geluWideExp(float[] a, int i, int n, float[] scratch) {
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI), ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO);
        FloatVector e0 = FloatVector.broadcast(F, FloatExp.E0), e1 = FloatVector.broadcast(F, FloatExp.E1), e2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector e3 = FloatVector.broadcast(F, FloatExp.E3), e4 = FloatVector.broadcast(F, FloatExp.E4), e5 = FloatVector.broadcast(F, FloatExp.E5);
        int half = scratch.length / 2;
        for (int j = 0; j < n; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i + j);
            FloatVector c = x.abs().min(FloatExp.ERFC_LAST), cc = c.mul(c), hi = cc.mul(0.5f), lo = c.fma(c, cc.neg()).mul(0.5f);
            FloatVector t = hi.neg(), tc = t.max(FloatExp.LOWEST), v = tc.fma(log2e, round);
            FloatVector k = v.sub(round), r = k.fma(ln2hi, tc);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(e0, e1).fma(r, e2).fma(r, e3).fma(r, e4).fma(r, e5);
            FloatVector e = q.fma(r.mul(r), r).add(1f);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            m.neg().fma(lo, m).intoArray(scratch, j);
            k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats().intoArray(scratch, half + j);
        }
    }

    /** scratch[j] = erfc(a)/s = m·(1 − lo)·P(1/a²)/a, P from Cephes' [1, 2) or [2, ∞) polynomial. */
    private static void geluWideErfc(float[] a, int i, int n, float[] scratch) {
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int j = 0; j < n; j += FL) {
            FloatVector za = FloatVector.fromArray(F, a, i + j).neg().mul(FloatExp.SQRT_HALF).abs();
            FloatVector inv = one.div(za.min(FloatExp.ERFC_LAST)), w = inv.mul(inv);
            FloatVector near = w.fma(FloatVector.broadcast(F, FloatExp.ERFC_NEAR[0]), FloatVector.broadcast(F, FloatExp.ERFC_NEAR[1]));
            for (int d = 2; d < FloatExp.ERFC_NEAR.length; d++) near = near.fma(w, FloatVector.broadcast(F, FloatExp.ERFC_NEAR[d]));
            FloatVector far = w.fma(FloatVector.broadcast(F, FloatExp.ERFC_FAR[0]), FloatVector.broadcast(F, FloatExp.ERFC_FAR[1]));
            for (int d = 2; d < FloatExp.ERFC_FAR.length; d++) far = far.fma(w, FloatVector.broadcast(F, FloatExp.ERFC_FAR[d]));
            FloatVector.fromArray(F, scratch, j).mul(inv).mul(far.blend(near, za.compare(LT, 2f))).intoArray(scratch, j);
        }
    }

    /** a[i + j] = the lane's branch: 0.5x·(1 − z·ERF(z²)) for |z| &lt; 1, else 0.5x·erfc(z) from scratch. */
    private static void geluWideJoin(float[] a, int i, int n, float[] scratch) {
        FloatVector one = FloatVector.broadcast(F, 1f), two = FloatVector.broadcast(F, 2f);
        int half = scratch.length / 2;
        for (int j = 0; j < n; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i + j), h = x.mul(0.5f), z = x.neg().mul(FloatExp.SQRT_HALF), z2 = h.mul(x);
            FloatVector erf = z2.fma(FloatVector.broadcast(F, FloatExp.ERF[0]), FloatVector.broadcast(F, FloatExp.ERF[1]));
            for (int d = 2; d < FloatExp.ERF.length; d++) erf = erf.fma(z2, FloatVector.broadcast(F, FloatExp.ERF[d]));
            FloatVector small = h.mul(x.mul(FloatExp.SQRT_HALF).fma(erf, one));
            FloatVector y = FloatVector.fromArray(F, scratch, j), s = FloatVector.fromArray(F, scratch, half + j);
            FloatVector large = h.mul(two.sub(y.mul(s))).blend(h.mul(y).mul(s), z.compare(GE, 0f));
            large.blend(small, z.abs().compare(LT, 1f)).intoArray(a, i + j);
        }
    }

    // ---- exponential, softplus, log_sigmoid, mish, elu, selu, celu: float lanes, bit-exact with FloatExp ----
    // Flat methods as above, each writing out its e^t core. They once widened to double lanes: with a DoubleVector
    // shape in use anywhere, C2 stopped binding FloatVector calls statically in other kernels (Dense and convolution
    // tile stores then ran the Vector API's boxed fallback), and the JDK's double EXP/LOG1P/TANH/EXPM1 lanes are slow.

    /** {@link FloatExp#exp} for whole vectors; returns the first index not done. */
    static int exp(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(F, 1f), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO), p0 = FloatVector.broadcast(F, FloatExp.E0);
        FloatVector p1 = FloatVector.broadcast(F, FloatExp.E1), p2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector p3 = FloatVector.broadcast(F, FloatExp.E3), p4 = FloatVector.broadcast(F, FloatExp.E4);
        FloatVector p5 = FloatVector.broadcast(F, FloatExp.E5);
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector t = FloatVector.fromArray(F, a, i).min(FloatExp.HIGHEST), c = t.max(FloatExp.LOWEST), v = c.fma(log2e, round);
            FloatVector k = v.sub(round);
            FloatVector r = k.fma(ln2hi, c);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), e = q.fma(r.mul(r), r).add(one);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            m.mul(k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats()).intoArray(a, i);
        }
        return end;
    }

    /**
     * max(x, 0) + {@link FloatExp#log1pExpNegAbs} (softplus) or, for {@code logSigmoid}, min(x, 0) − it, in two
     * passes over blocks of {@link #PASS_BLOCK} floats: e^(−|x|) into scratch, then log1p and the sum. As one loop
     * (about 50 vector operations and 27 constants) it exceeded C2's budget and ran the Vector API's boxed fallback,
     * two orders of magnitude slower, in some compilations.
     */
    static int softplus(float[] a, int off, int len, boolean logSigmoid) {
        int end = off + F.loopBound(len);
        WideStep[] steps = logSigmoid ? LOG_SIGMOID : SOFTPLUS;
        float[] scratch = end > off ? PASS_SCRATCH.get() : null;
        for (int i = off; i < end; i += PASS_BLOCK) passes(steps, a, i, Math.min(PASS_BLOCK, end - i), scratch);
        return end;
    }

    private static final WideStep[] SOFTPLUS = {VectorKernels::expNegAbsPass, VectorKernels::softplusJoin};
    private static final WideStep[] LOG_SIGMOID = {VectorKernels::expNegAbsPass, VectorKernels::logSigmoidJoin};

    /** scratch[j] = e^(−|x|) for the block's x = a[i + j], as {@link FloatExp#log1pExpNegAbs} computes it. */
    private static void expNegAbsPass(float[] a, int i, int n, float[] scratch) {
        FloatVector one = FloatVector.broadcast(F, 1f), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO), p0 = FloatVector.broadcast(F, FloatExp.E0);
        FloatVector p1 = FloatVector.broadcast(F, FloatExp.E1), p2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector p3 = FloatVector.broadcast(F, FloatExp.E3), p4 = FloatVector.broadcast(F, FloatExp.E4);
        FloatVector p5 = FloatVector.broadcast(F, FloatExp.E5);
        for (int j = 0; j < n; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i + j);
            FloatVector t = x.abs().neg(), c = t.max(FloatExp.LOWEST), v = c.fma(log2e, round), k = v.sub(round);
            FloatVector r = k.fma(ln2hi, c);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), e = q.fma(r.mul(r), r).add(one);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            m.mul(k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats()).intoArray(scratch, j);
        }
    }

    /** a[i + j] = max(x, 0) + log1p(u), u = scratch[j]. */
    private static void softplusJoin(float[] a, int i, int n, float[] scratch) {
        log1pJoin(a, i, n, scratch, false);
    }

    /** a[i + j] = min(x, 0) − log1p(u), u = scratch[j]. */
    private static void logSigmoidJoin(float[] a, int i, int n, float[] scratch) {
        log1pJoin(a, i, n, scratch, true);
    }

    /** The second pass; takes and returns arrays, never vectors, so that it compiles on its own whatever inlines it. */
    private static void log1pJoin(float[] a, int i, int n, float[] scratch, boolean logSigmoid) {
        FloatVector one = FloatVector.broadcast(F, 1f), half = FloatVector.broadcast(F, 0.5f);
        FloatVector minusHalf = FloatVector.broadcast(F, -0.5f), lnHi = FloatVector.broadcast(F, FloatExp.LN2_HI);
        FloatVector lnLo = FloatVector.broadcast(F, FloatExp.LN2_LO), l0 = FloatVector.broadcast(F, FloatExp.L0);
        FloatVector l1 = FloatVector.broadcast(F, FloatExp.L1), l2 = FloatVector.broadcast(F, FloatExp.L2);
        FloatVector l3 = FloatVector.broadcast(F, FloatExp.L3), l4 = FloatVector.broadcast(F, FloatExp.L4);
        FloatVector l5 = FloatVector.broadcast(F, FloatExp.L5), l6 = FloatVector.broadcast(F, FloatExp.L6);
        FloatVector l7 = FloatVector.broadcast(F, FloatExp.L7), l8 = FloatVector.broadcast(F, FloatExp.L8);
        for (int j = 0; j < n; j += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i + j), u = FloatVector.fromArray(F, scratch, j);
            VectorMask<Float> near = u.compare(LT, FloatExp.LOG1P_SPLIT);
            FloatVector f = u.fma(half, minusHalf).blend(u, near), kk = one.blend(0f, near), z = f.mul(f);
            FloatVector p = f.fma(l0, l1).fma(f, l2).fma(f, l3).fma(f, l4).fma(f, l5).fma(f, l6).fma(f, l7).fma(f, l8);
            FloatVector y = kk.fma(lnLo, p.mul(z).mul(f));
            y = z.fma(minusHalf, y);
            FloatVector l = kk.fma(lnHi, f.add(y));
            (logSigmoid ? x.min(0f).sub(l) : x.max(0f).add(l)).intoArray(a, i + j);
        }
    }

    /** {@link FloatExp#mish} for whole vectors, both branches on every lane; returns the first index not done. */
    static int mish(float[] a, int off, int len) {
        FloatVector one = FloatVector.broadcast(F, 1f), log2e = FloatVector.broadcast(F, FloatExp.LOG2E);
        FloatVector round = FloatVector.broadcast(F, FloatExp.ROUND), ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI);
        FloatVector ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO), p0 = FloatVector.broadcast(F, FloatExp.E0);
        FloatVector p1 = FloatVector.broadcast(F, FloatExp.E1), p2 = FloatVector.broadcast(F, FloatExp.E2);
        FloatVector p3 = FloatVector.broadcast(F, FloatExp.E3), p4 = FloatVector.broadcast(F, FloatExp.E4);
        FloatVector p5 = FloatVector.broadcast(F, FloatExp.E5), two = FloatVector.broadcast(F, 2f);
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i);
            FloatVector t = x.abs().neg(), c = t.max(FloatExp.LOWEST), v = c.fma(log2e, round), k = v.sub(round);
            FloatVector r = k.fma(ln2hi, c);
            r = k.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), e = q.fma(r.mul(r), r).add(one);
            IntVector bits = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS), k2 = bits.lanewise(ASHR, 1);
            FloatVector m = e.mul(bits.sub(k2).add(127).lanewise(LSHL, 23).reinterpretAsFloats()).blend(0f, t.compare(LT, FloatExp.LOWEST));
            FloatVector s = k2.add(127).lanewise(LSHL, 23).reinterpretAsFloats(), ex = m.mul(s);
            FloatVector num = ex.fma(two, one), positive = x.mul(num).div(ex.add(ex).fma(ex, num));
            FloatVector negative = x.mul(m.fma(ex, m.add(m))).div(ex.fma(ex.add(two), two)).mul(s);
            negative.blend(positive, x.compare(GT, 0f)).intoArray(a, i);
        }
        return end;
    }

    static final int ELU = 0, SELU = 1, CELU = 2;

    /**
     * elu (x ≥ 0 ? x : α·expm1(x)), selu (as {@link Selu#apply}) or celu (max(x, 0) + α·expm1(min(x, 0)/α), α &gt; 0)
     * for whole vectors, expm1 as {@link FloatExp#expm1}; returns the first index not done.
     */
    static int elu(float[] a, int off, int len, int kind, float alpha) {
        FloatVector one = FloatVector.broadcast(F, 1f), minusOne = FloatVector.broadcast(F, -1f);
        FloatVector log2e = FloatVector.broadcast(F, FloatExp.LOG2E), round = FloatVector.broadcast(F, FloatExp.ROUND);
        FloatVector ln2hi = FloatVector.broadcast(F, -FloatExp.LN2_HI), ln2lo = FloatVector.broadcast(F, -FloatExp.LN2_LO);
        FloatVector p0 = FloatVector.broadcast(F, FloatExp.E0), p1 = FloatVector.broadcast(F, FloatExp.E1);
        FloatVector p2 = FloatVector.broadcast(F, FloatExp.E2), p3 = FloatVector.broadcast(F, FloatExp.E3);
        FloatVector p4 = FloatVector.broadcast(F, FloatExp.E4), p5 = FloatVector.broadcast(F, FloatExp.E5);
        FloatVector sHi = FloatVector.broadcast(F, Selu.SCALE_HI), sLo = FloatVector.broadcast(F, Selu.SCALE_LO);
        FloatVector asHi = FloatVector.broadcast(F, Selu.ALPHA_SCALE_HI), asLo = FloatVector.broadcast(F, Selu.ALPHA_SCALE_LO);
        int end = off + F.loopBound(len);
        for (int i = off; i < end; i += FL) {
            FloatVector x = FloatVector.fromArray(F, a, i), arg = kind == CELU ? x.min(0f).div(alpha) : x;
            FloatVector c = arg.max(FloatExp.EXPM1_LOWEST), v = c.fma(log2e, round), n = v.sub(round);
            FloatVector r = n.fma(ln2hi, c);
            r = n.fma(ln2lo, r);
            FloatVector q = r.fma(p0, p1).fma(r, p2).fma(r, p3).fma(r, p4).fma(r, p5), p = q.fma(r.mul(r), r);
            FloatVector s = v.reinterpretAsInts().sub(FloatExp.ROUND_BITS).add(127).lanewise(LSHL, 23).reinterpretAsFloats();
            FloatVector em1 = s.fma(p.add(one), minusOne).blend(s.fma(p, s.sub(one)), n.compare(GE, -24f));
            FloatVector y;
            if (kind == ELU) {
                y = em1.mul(alpha).blend(x, x.compare(GE, 0f));
            } else if (kind == SELU) {
                y = em1.fma(asHi, em1.mul(asLo)).blend(x.fma(sHi, x.mul(sLo)), x.compare(GE, 0f));
            } else {
                y = x.max(0f).add(em1.mul(alpha));
            }
            y.intoArray(a, i);
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

    /**
     * As {@link Softmax#referenceRows}: e = e^(x − max) in float lanes (bit-exact with the reference) stored in place,
     * Σe in double in four chains (the order differs from the reference's), then e / (float) Σe. No double lanes: a
     * second vector shape in use anywhere makes C2 stop binding FloatVector calls statically in the other kernels
     * (the classifier's softmax slowed every Dense and convolution store of a model).
     */
    static void softmaxRow(float[] a, int off, int width) {
        float m = max(a, off, width);
        int end = off + expFamily(a, off, off, off, width, SHIFTED_EXP, m), i = off;
        for (int j = end; j < off + width; j++) a[j] = FloatExp.expNonPositive(a[j] - m);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (; i + 4 <= off + width; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < off + width; i++) s0 += a[i];
        float sum = (float) ((s0 + s1) + (s2 + s3));
        for (i = off; i < end; i += FL) FloatVector.fromArray(F, a, i).div(sum).intoArray(a, i);
        for (; i < off + width; i++) a[i] = a[i] / sum;
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

}
