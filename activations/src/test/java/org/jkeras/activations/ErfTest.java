package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class ErfTest {
    private static final MathContext MC = new MathContext(60);
    private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494");

    private static void relative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected), what + ": " + actual + " vs " + expected);
    }

    @Test
    void knownValues() { // Abramowitz & Stegun table 7.1; erfc tails from their asymptotic series
        relative(0.8427007929497149, Erf.erf(1), 1e-15, "erf(1)");
        relative(0.5204998778130465, Erf.erf(0.5), 1e-15, "erf(0.5)");
        relative(0.1124629160182849, Erf.erf(0.1), 1e-15, "erf(0.1)");
        relative(0.9953222650189527, Erf.erf(2), 1e-15, "erf(2)");
        relative(0.9999779095030014, Erf.erf(3), 1e-15, "erf(3)");
        relative(2.209049699858544e-05, Erf.erfc(3), 1e-13, "erfc(3)");
        relative(1.5374597944280349e-12, Erf.erfc(5), 1e-13, "erfc(5)");
        relative(2.088487583762545e-45, Erf.erfc(10), 1e-13, "erfc(10)");
        relative(1.1283791670955126e-10, Erf.erf(1e-10), 1e-15, "erf(x) ≈ 2x/√π");
        assertEquals(0.0, Erf.erf(0));
        assertEquals(1.0, Erf.erf(7));
        assertEquals(2.0, Erf.erfc(-30));
        assertEquals(0.0, Erf.erfc(30));
    }

    /** Against erf's Maclaurin series summed with 60 digits, on a grid over [−6, 6]. */
    @Test
    void matchesHighPrecisionSeries() {
        BigDecimal twoOverSqrtPi = BigDecimal.valueOf(2).divide(PI.sqrt(MC), MC);
        for (int k = -600; k <= 600; k += 7) {
            double x = k / 100.0;
            BigDecimal bx = new BigDecimal(x), x2 = bx.multiply(bx, MC), term = bx, sum = BigDecimal.ZERO;
            for (int n = 0; term.abs().compareTo(new BigDecimal("1e-45")) > 0 || n < 5; n++) {
                sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), MC), MC);
                term = term.multiply(x2, MC).negate().divide(BigDecimal.valueOf(n + 1), MC);
            }
            BigDecimal erf = sum.multiply(twoOverSqrtPi, MC);
            if (x != 0) relative(erf.doubleValue(), Erf.erf(x), 1e-14, "erf(" + x + ")");
            relative(BigDecimal.ONE.subtract(erf).doubleValue(), Erf.erfc(x), 1e-13, "erfc(" + x + ")");
            assertEquals(-Erf.erf(x), Erf.erf(-x), "odd");
        }
    }
}
