package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batched form ({@code applyRows}, vectorised when {@link Simd#ENABLED}) against the scalar reference
 * ({@code referenceRows}) for every registered name and the parametrised forms, on seeded random data in
 * [−100, 100] with special values mixed in, at every length 1..67 and some large ones, at a non-zero offset.
 *
 * <p>Bounds: every elementwise activation (piecewise-linear, or a float reference from {@link FloatExp} whose float
 * operations the kernel repeats lane by lane) must agree bit for bit. Softmax and log_softmax sum in a different
 * order: at most {@value #ROWWISE_ULPS} ulps.
 */
class KernelAgreementTest {
    static final int ROWWISE_ULPS = 2;

    private static final float[] SPECIALS = {0f, -0f, 88f, -88f, -50f, 1e30f, -1e30f, 1e-30f, Float.MIN_VALUE, -1f,
        1f, 3f, -3f, 0.5f, -0.5f, 6f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    /** Allowed ulps per activation name; absent = bit-exact. */
    private static final Map<String, Integer> ULPS = Map.ofEntries(
        Map.entry("softmax", ROWWISE_ULPS), Map.entry("log_softmax", ROWWISE_ULPS));

    static List<Activation> allForms() {
        List<Activation> all = new ArrayList<>();
        for (String name : Activations.names()) all.add(Activations.byName(name, Semantics.KERAS_3));
        all.add(Activations.hardSigmoid(Semantics.KERAS_1_2));
        all.add(Activations.relu(0.1f, Float.NaN, 0));
        all.add(Activations.relu(0, 6, 0));
        all.add(Activations.relu(0, 2.5f, 0));
        all.add(Activations.relu(0, Float.NaN, 1.5f));
        all.add(Activations.relu(0.3f, 4, 0.5f));
        all.add(Activations.relu(0.2f, Float.NaN, -2));
        all.add(Activations.leakyRelu(0.3f));
        all.add(Activations.elu(0.5f));
        all.add(Activations.celu(2.5f));
        all.add(Activations.gelu(true));
        all.add(Activations.threshold(1.5f, -3));
        all.add(Activations.softShrink(2));
        all.add(Activations.hardShrink(2));
        all.add(Activations.squareplus(1));
        all.add(Activations.sparsemax(true));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> batchedEqualsReference() {
        return allForms().stream().map(a -> DynamicTest.dynamicTest(a.name() + ": " + a.formula(), () -> {
            Random random = new Random(a.formula().hashCode());
            int ulps = ULPS.getOrDefault(a.name(), 0);
            for (int width = 1; width <= 67; width++) check(a, random, 3, width, ulps, 100);
            check(a, random, 1, 1000, ulps, 100);
            check(a, random, 2, 4099, ulps, 100);
            // near zero, where kernels take their fast branches (gelu: whole blocks with |x/√2| < 1), and mixed
            check(a, random, 2, 1500, ulps, 1.4);
            check(a, random, 2, 1500, ulps, 3);
        }));
    }

    /** Inputs uniform in [−range, range], with specials mixed in at range 100. */
    private static void check(Activation a, Random random, int rows, int width, int ulps, double range) {
        if (a.name().equals("glu") && width % 2 != 0) width++;
        int off = 5, n = rows * width;
        float[] x = new float[off + n + 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = range >= 100 && random.nextInt(8) == 0 ? SPECIALS[random.nextInt(SPECIALS.length)] : (float) ((random.nextDouble() * 2 - 1) * range);
        }
        float[] ref = x.clone(), got = x.clone();
        a.referenceRows(ref, off, rows, width);
        a.applyRows(got, off, rows, width);
        int written = rows * a.outputWidth(width);
        for (int i = 0; i < x.length; i++) {
            if (i >= off && i < off + written) {
                if (ulpDistance(ref[i], got[i]) > ulps) {
                    fail(a + " rows=" + rows + " width=" + width + " at " + (i - off) + ": reference " + ref[i]
                        + ", batched " + got[i] + " (input " + x[i] + ")");
                }
            } else if (i < off || i >= off + n) {
                assertEquals(Float.floatToIntBits(x[i]), Float.floatToIntBits(got[i]), "wrote outside the rows at " + i);
            }
        }
    }

    /** Distance in representable floats; NaN matches NaN only; +0 and −0 are 0 apart. */
    static long ulpDistance(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) return Float.isNaN(a) && Float.isNaN(b) ? 0 : Long.MAX_VALUE;
        return Math.abs(ordinal(a) - ordinal(b));
    }

    private static long ordinal(float f) {
        int bits = Float.floatToIntBits(f);
        return bits < 0 ? -(long) (bits & 0x7fffffff) : bits;
    }
}
