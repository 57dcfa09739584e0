package org.jkeras.runtime.ops;

import java.util.List;
import java.util.Locale;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 elementwise unary op node ({@code keras.ops.sqrt}, {@code ops.round(x, 1)}, {@code ops.cast(x, "int32")}
 * ...), computed in float32 as the TensorFlow backend does. NaN comes out where TensorFlow gives it (the square root
 * or logarithm of a negative number). Booleans are 0 and 1, integers exact float values.
 */
public final class UnaryOp extends Layer {

    /** The functions, by Keras op class; {@code p} is the op's one parameter where it has one. */
    public enum Fn {
        IDENTITY, NEGATIVE, ABSOLUTE, SQUARE, SQRT, RSQRT, CBRT, RECIPROCAL, EXP, EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P,
        SIGN, SIGNBIT, FLOOR, CEIL, TRUNC, ROUND, SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN, SINH, COSH, ARCSINH, ARCCOSH, ARCTANH,
        DEG2RAD, RAD2DEG, LOGICAL_NOT, ISNAN, ISFINITE, ISINF, ISPOSINF, ISNEGINF,
        /** Cast to an integer dtype, {@code p} its bits (negative: unsigned): truncation toward zero, see {@link #toInt}. */
        TO_INT,
        /** Cast to bool: {@code x != 0}. */
        TO_BOOL,
        /** {@code keras.ops.saturate_cast} to an integer dtype of {@code p} bits (negative: unsigned): clip, then cast. */
        SATURATE_INT;

        /** {@code p}: ROUND's decimals; the others ignore it. */
        public float apply(float x, float p) {
            return switch (this) {
                case IDENTITY -> x;
                case NEGATIVE -> -x;
                case ABSOLUTE -> Math.abs(x);
                case SQUARE -> x * x;
                case SQRT -> (float) Math.sqrt(x);
                case RSQRT -> (float) (1 / Math.sqrt(x));
                case CBRT -> (float) Math.cbrt(x);
                case RECIPROCAL -> 1 / x;
                case EXP -> (float) Math.exp(x);
                case EXP2 -> (float) Math.pow(2, x);
                case EXPM1 -> (float) Math.expm1(x);
                case LOG -> (float) Math.log(x);
                case LOG2 -> (float) (Math.log(x) / Math.log(2));
                case LOG10 -> (float) Math.log10(x);
                case LOG1P -> (float) Math.log1p(x);
                case SIGN -> Float.isNaN(x) ? Float.NaN : Math.signum(x);
                case SIGNBIT -> (Float.floatToRawIntBits(x) < 0) ? 1f : 0f;
                case FLOOR -> (float) Math.floor(x);
                case CEIL -> (float) Math.ceil(x);
                case TRUNC -> Float.isNaN(x) || Float.isInfinite(x) ? x : (float) (x < 0 ? Math.ceil(x) : Math.floor(x));
                case TO_INT -> toInt(x, (int) p);
                case ROUND -> round(x, (int) p);
                case SIN -> (float) Math.sin(x);
                case COS -> (float) Math.cos(x);
                case TAN -> (float) Math.tan(x);
                case ARCSIN -> (float) Math.asin(x);
                case ARCCOS -> (float) Math.acos(x);
                case ARCTAN -> (float) Math.atan(x);
                case SINH -> (float) Math.sinh(x);
                case COSH -> (float) Math.cosh(x);
                case ARCSINH -> (float) asinh(x);
                case ARCCOSH -> (float) Math.log(x + Math.sqrt((double) x * x - 1));
                case ARCTANH -> (float) (0.5 * Math.log1p(2.0 * x / (1.0 - x)));
                case DEG2RAD -> (float) (x * (Math.PI / 180));
                case RAD2DEG -> (float) (x * (180 / Math.PI));
                case LOGICAL_NOT -> x == 0 ? 1f : 0f;
                case ISNAN -> Float.isNaN(x) ? 1f : 0f;
                case ISFINITE -> Float.isFinite(x) ? 1f : 0f;
                case ISINF -> Float.isInfinite(x) ? 1f : 0f;
                case ISPOSINF -> x == Float.POSITIVE_INFINITY ? 1f : 0f;
                case ISNEGINF -> x == Float.NEGATIVE_INFINITY ? 1f : 0f;
                case TO_BOOL -> x != 0 ? 1f : 0f; // NaN != 0: true, as tf.cast
                case SATURATE_INT -> toInt(Float.isNaN(x) ? x : Math.max(limit((int) p, false), Math.min(limit((int) p, true), x)), (int) p);
            };
        }

        /**
         * {@code keras.ops.round}: half to even; with decimals, {@code round(x * 10^d) / 10^d} in float32, the factor
         * itself a float32 (TensorFlow backend).
         */
        static float round(float x, int decimals) {
            if (decimals == 0) return (float) Math.rint(x);
            float factor = (float) Math.pow(10, decimals);
            return (float) Math.rint(x * factor) / factor;
        }

        /**
         * {@code tf.cast} of a float to an integer dtype of {@code bits} (negative: unsigned) as TensorFlow's vectorised
         * CPU kernel computes it: truncation toward zero through int32 (NaN and values out of range: INT_MIN), then
         * saturation to 8 or 16 bits; uint32 and the 64-bit types go through int64 (NaN and out of range: INT64_MIN) and
         * keep the low bits. (TensorFlow's scalar path, for tensors smaller than one SIMD packet, wraps 8 and 16 bits
         * instead: out-of-range casts to narrow types are not portable in TensorFlow itself.)
         */
        static float toInt(float x, int bits) {
            boolean unsigned = bits < 0;
            int n = Math.abs(bits);
            if (n <= 16 || (n == 32 && !unsigned)) {
                int v = Float.isNaN(x) || x >= 0x1p31f || x < -0x1p31f ? Integer.MIN_VALUE : (int) x;
                if (n == 32) return v;
                int max = unsigned ? (1 << n) - 1 : (1 << (n - 1)) - 1, min = unsigned ? 0 : -(1 << (n - 1));
                return Math.max(min, Math.min(max, v));
            }
            long v = Float.isNaN(x) || x >= 0x1p63f || x < -0x1p63f ? Long.MIN_VALUE : (long) x;
            if (n == 32) return v & 0xFFFFFFFFL; // uint32
            return unsigned && v < 0 ? (float) (v + 0x1p64) : v;
        }

        /**
         * Keras' saturate_cast bound for float32 input: the dtype's extreme rounded to float32. Keras means to move it
         * back into range when rounding took it out, but compares in float32 where the two are equal, so int32's bound
         * stays 2^31 and a large value still overflows the cast (to INT_MIN), as Keras 3.15.1 gives it.
         */
        static float limit(int bits, boolean max) {
            boolean unsigned = bits < 0;
            int n = Math.abs(bits);
            return (float) (max ? (unsigned ? Math.pow(2, n) - 1 : Math.pow(2, n - 1) - 1) : (unsigned ? 0 : -Math.pow(2, n - 1)));
        }

        private static double asinh(double x) {
            double a = Math.abs(x);
            double r = Math.log(a + Math.sqrt(a * a + 1));
            return x < 0 ? -r : r;
        }
    }

    private final String kerasClass;
    private final Fn fn;
    private final float param;

    public UnaryOp(String name, String kerasClass, Fn fn, float param) {
        super(name);
        this.kerasClass = kerasClass;
        this.fn = fn;
        this.param = param;
    }

    public UnaryOp(String name, String kerasClass, Fn fn) {
        this(name, kerasClass, fn, 0f);
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return inputs.get(0);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] in = x.data(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) out[i] = fn.apply(in[i], param);
        return new Tensor(x.shape(), out);
    }

    @Override
    public String details() {
        return fn.name().toLowerCase(Locale.ROOT) + (fn == Fn.ROUND ? "(x, decimals=" + (int) param + ")" : "(x)");
    }
}
