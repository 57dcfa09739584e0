package org.jkeras.io.golden;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * How far {@code actual} is from {@code expected}, element by element: an element passes when
 * {@code |a − e| ≤ atol + rtol·|e|}, NaN equals NaN, and an infinity only equals itself.
 *
 * @param expectedShape the recorded shape
 * @param actualShape   jkeras' shape
 * @param count         elements compared (0 when the sizes differ)
 * @param mismatches    elements outside the tolerance
 * @param maxAbs        largest {@code |a − e|} (infinite where a NaN or infinity meets a different value)
 * @param maxRel        largest {@code |a − e| / |e|} (infinite where {@code e = 0} and {@code a ≠ 0})
 * @param maxUlp        largest distance in units in the last place of float32 ({@link Long#MAX_VALUE}: NaN vs a number)
 * @param worstIndex    flat C-order index of the element with the largest difference relative to its tolerance
 *                      {@code |a − e| / (atol + rtol·|e|)}: the worst failure, or the closest to failing when all pass;
 *                      -1 when nothing was compared
 * @param actual        jkeras' value there
 * @param expected      the recorded value there
 * @param pass          shapes equal and no mismatch
 * @param actualText    for string tensors (a text model's StringLookup with {@code invert}): jkeras' string at
 *                      {@code worstIndex}, the first that differs; null for numbers
 * @param expectedText  the recorded string there; null for numbers
 */
public record Stats(Shape expectedShape, Shape actualShape, long count, long mismatches, double maxAbs, double maxRel, long maxUlp,
                    int worstIndex, float actual, float expected, boolean pass, String actualText, String expectedText) {

    /** Stats of numbers. */
    public Stats(Shape expectedShape, Shape actualShape, long count, long mismatches, double maxAbs, double maxRel, long maxUlp,
                 int worstIndex, float actual, float expected, boolean pass) {
        this(expectedShape, actualShape, count, mismatches, maxAbs, maxRel, maxUlp, worstIndex, actual, expected, pass, null, null);
    }

    /** Whether strings were compared. */
    public boolean isText() {
        return expectedText != null;
    }

    /** Whether jkeras' shape is the recorded one. */
    public boolean shapeMatches() {
        return expectedShape.equals(actualShape);
    }

    /**
     * Compares two arrays of the same size, flat in C order; a shape difference alone also fails. Strings must be equal
     * (the tolerance does not apply); strings against numbers are an IllegalArgumentException.
     */
    public static Stats of(Tensor expected, Tensor actual, double atol, double rtol) {
        if (expected.isString() != actual.isString()) {
            throw new IllegalArgumentException("the recording holds " + (expected.isString() ? "strings" : "numbers") + ", jkeras gives "
                    + (actual.isString() ? "strings" : "numbers"));
        }
        if (expected.isString()) return strings(expected, actual);
        float[] e = expected.data(), a = actual.data();
        if (e.length != a.length) {
            return new Stats(expected.shape(), actual.shape(), 0, Math.max(e.length, a.length), Double.NaN, Double.NaN, Long.MAX_VALUE, -1,
                    Float.NaN, Float.NaN, false);
        }
        long bad = 0, maxUlp = 0;
        double maxAbs = 0, maxRel = 0, worstRatio = -1;
        int worst = -1;
        for (int i = 0; i < e.length; i++) {
            float x = a[i], y = e[i];
            double diff, ratio; // ratio: the difference in units of the tolerance allowed there
            long ulp;
            double allowed = atol + rtol * Math.abs(y);
            if (x == y || Float.isNaN(x) && Float.isNaN(y)) { // equal values, equal infinities, NaN with NaN
                diff = 0;
                ulp = 0;
                ratio = 0;
            } else if (Float.isNaN(x) || Float.isNaN(y) || Float.isInfinite(x) || Float.isInfinite(y)) {
                diff = Double.POSITIVE_INFINITY;
                ulp = Float.isNaN(x) || Float.isNaN(y) ? Long.MAX_VALUE : ulps(x, y);
                ratio = Double.POSITIVE_INFINITY;
                bad++;
            } else {
                diff = Math.abs((double) x - y);
                ulp = ulps(x, y);
                ratio = allowed > 0 ? diff / allowed : Double.POSITIVE_INFINITY;
                if (!(diff <= allowed)) bad++;
            }
            double rel = diff == 0 ? 0 : diff / Math.abs((double) y);
            maxAbs = Math.max(maxAbs, diff);
            maxRel = Math.max(maxRel, rel);
            maxUlp = Math.max(maxUlp, ulp);
            if (ratio > worstRatio) {
                worst = i;
                worstRatio = ratio;
            }
        }
        boolean pass = bad == 0 && expected.shape().equals(actual.shape());
        return new Stats(expected.shape(), actual.shape(), e.length, bad, maxAbs, maxRel, maxUlp, worst,
                worst < 0 ? Float.NaN : a[worst], worst < 0 ? Float.NaN : e[worst], pass);
    }

    /** Strings compared for equality; the first that differs is reported (else the first). */
    private static Stats strings(Tensor expected, Tensor actual) {
        String[] e = expected.strings(), a = actual.strings();
        if (e.length != a.length) {
            return new Stats(expected.shape(), actual.shape(), 0, Math.max(e.length, a.length), Double.NaN, Double.NaN, Long.MAX_VALUE, -1,
                    Float.NaN, Float.NaN, false, "", "");
        }
        long bad = 0;
        int first = e.length == 0 ? -1 : 0;
        for (int i = 0; i < e.length; i++) {
            if (e[i].equals(a[i])) continue;
            if (bad++ == 0) first = i;
        }
        double d = bad == 0 ? 0 : Double.POSITIVE_INFINITY;
        return new Stats(expected.shape(), actual.shape(), e.length, bad, d, d, bad == 0 ? 0 : Long.MAX_VALUE, first, Float.NaN, Float.NaN,
                bad == 0 && expected.shape().equals(actual.shape()), first < 0 ? "" : a[first], first < 0 ? "" : e[first]);
    }

    /** Distance between two finite or infinite floats counted in representable float32 values (+0 and −0 are 0 apart). */
    public static long ulps(float a, float b) {
        return Math.abs((long) ordered(a) - ordered(b));
    }

    /** The float's bits mapped to an int that orders as the floats do. */
    private static int ordered(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits < 0 ? Integer.MIN_VALUE - bits : bits;
    }

    /** E.g. {@code max abs 1.2e-07, max rel 3.4e-07, max ulp 2; worst at [7]: actual 0.51, expected 0.50}. */
    public String summary() {
        if (count == 0 && !shapeMatches()) return "shape " + actualShape + ", expected " + expectedShape + " (different sizes)";
        StringBuilder b = new StringBuilder();
        if (!shapeMatches()) b.append("shape ").append(actualShape).append(", expected ").append(expectedShape).append("; ");
        if (isText()) {
            if (mismatches == 0) return b.append(count).append(" strings equal").toString();
            return b.append(mismatches).append(" of ").append(count).append(" strings differ; first at flat index ").append(worstIndex)
                    .append(": actual \"").append(actualText).append("\", expected \"").append(expectedText).append('"').toString();
        }
        if (mismatches > 0) b.append(mismatches).append(" of ").append(count).append(" values off; ");
        b.append("max abs ").append(num(maxAbs)).append(", max rel ").append(num(maxRel)).append(", max ulp ").append(ulpText(maxUlp));
        if (worstIndex >= 0) b.append("; worst at flat index ").append(worstIndex).append(": actual ").append(actual).append(", expected ").append(expected);
        return b.toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return "inf";
        return v == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    static String ulpText(long ulp) {
        return ulp == Long.MAX_VALUE ? "inf" : Long.toString(ulp);
    }
}
