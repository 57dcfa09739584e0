package org.jkeras.junit;

/**
 * How close jkeras must be to Keras: an element passes when {@code |actual − expected| ≤ atol + rtol·|expected|}
 * (NaN equals NaN).
 *
 * @param atol absolute tolerance, ≥ 0
 * @param rtol relative tolerance, ≥ 0, a fraction of |expected|
 */
public record Tolerance(double atol, double rtol) {
    /** {@code atol = rtol = 1e-5}, the float32 default of {@code jkeras verify}. */
    public static final Tolerance DEFAULT = new Tolerance(1e-5, 1e-5);

    public Tolerance {
        if (!(atol >= 0) || !(rtol >= 0)) throw new IllegalArgumentException("tolerances must be non-negative, got atol " + atol + ", rtol " + rtol);
    }

    /** An element passes when {@code |actual − expected| ≤ atol + rtol·|expected|}; a negative or NaN tolerance is an IllegalArgumentException. */
    public static Tolerance of(double atol, double rtol) {
        return new Tolerance(atol, rtol);
    }

    /** Bit-exact (up to NaN payloads and the sign of zero). */
    public static Tolerance exact() {
        return new Tolerance(0, 0);
    }

    @Override
    public String toString() {
        return "atol " + atol + ", rtol " + rtol;
    }
}
