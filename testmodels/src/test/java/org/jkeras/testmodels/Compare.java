package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.jkeras.runtime.Tensor;

/** {@code |actual − expected| ≤ atol + rtol·|expected|}, NaN equal to NaN; a failure names the worst element. */
final class Compare {
    private Compare() {
    }

    static void assertClose(String what, Tensor expected, Tensor actual, double atol, double rtol) {
        assertArrayEquals(expected.shape().dims(), actual.shape().dims(), what + ": shape " + actual.shape() + " vs Keras " + expected.shape());
        float[] e = expected.data(), a = actual.data();
        int bad = 0, worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < e.length; i++) {
            if (Float.isNaN(e[i]) && Float.isNaN(a[i])) continue;
            if (e[i] == a[i]) continue; // also equal infinities
            double diff = Math.abs((double) a[i] - e[i]);
            double allowed = atol + rtol * Math.abs(e[i]);
            if (!(diff <= allowed)) {
                bad++;
                double excess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff - allowed;
                if (worst < 0 || excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (bad > 0) {
            fail(String.format("%s: %d of %d values off (atol %g, rtol %g); worst at flat index %d: actual %s, expected %s",
                    what, bad, e.length, atol, rtol, worst, a[worst], e[worst]));
        }
    }
}
