package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Outputs recorded by real Keras 3.15.1 (numpy backend) for every activation string, copied from the golden case
 * {@code shared/golden/keras3/activation_probe} (io.json; input row 0, first 23 points, and row 2 for the rowwise
 * ones). Compared as the golden cases are, |ours − keras| ≤ 1e-5 + 1e-5·|keras|; piecewise-linear activations,
 * which jkeras computes with Keras' float32 operations, must match bit for bit.
 */
class KerasRecordedValuesTest {
    private static final float[] X = {
            -88.0f, -50.0f, -20.0f, -10.0f, -6.0f, -3.0f, -2.5f, -1.0f, -0.5f, -0.001f, -1e-07f, 0.0f, 1e-07f,
            0.001f, 0.5f, 1.0f, 2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f};

    /** Row 2 of the probe: 64 points from −4 to 4. */
    private static final float[] X2 = {
            -4.0f, -3.8730159f, -3.7460318f, -3.6190476f, -3.4920635f, -3.3650794f, -3.2380953f, -3.1111112f,
            -2.984127f, -2.857143f, -2.7301588f, -2.6031747f, -2.4761906f, -2.3492064f, -2.2222223f,
            -2.0952382f, -1.968254f, -1.8412699f, -1.7142857f, -1.5873016f, -1.4603175f, -1.3333334f,
            -1.2063493f, -1.0793651f, -0.95238096f, -0.82539684f, -0.6984127f, -0.5714286f, -0.44444445f,
            -0.31746033f, -0.1904762f, -0.06349207f, 0.06349207f, 0.1904762f, 0.31746033f, 0.44444445f,
            0.5714286f, 0.6984127f, 0.82539684f, 0.95238096f, 1.0793651f, 1.2063493f, 1.3333334f, 1.4603175f,
            1.5873016f, 1.7142857f, 1.8412699f, 1.968254f, 2.0952382f, 2.2222223f, 2.3492064f, 2.4761906f,
            2.6031747f, 2.7301588f, 2.857143f, 2.984127f, 3.1111112f, 3.2380953f, 3.3650794f, 3.4920635f,
            3.6190476f, 3.7460318f, 3.8730159f, 4.0f};

    private static final Set<String> BIT_EXACT = Set.of("relu", "relu6", "leaky_relu", "linear", "hard_sigmoid",
        "hard_silu", "hard_swish", "hard_tanh", "hard_shrink", "soft_shrink", "sparse_plus", "sparse_sigmoid",
        "softsign");

    private static final Map<String, float[]> KERAS = Map.ofEntries(
        Map.entry("sigmoid", new float[] {
            6.054601e-39f, 1.9287499e-22f, 2.0611535e-09f, 4.539787e-05f, 0.0024726233f, 0.047425874f,
            0.07585818f, 0.2689414f, 0.37754068f, 0.49975002f, 0.5f, 0.5f, 0.5f, 0.50025f, 0.62245935f,
            0.7310586f, 0.9241418f, 0.95257413f, 0.9975274f, 0.9999546f, 1.0f, 1.0f, 1.0f}),
        Map.entry("hard_sigmoid", new float[] {
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.08333334f, 0.3333333f, 0.41666666f, 0.49983335f, 0.49999997f,
            0.5f, 0.5f, 0.50016665f, 0.5833333f, 0.6666667f, 0.9166666f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f}),
        Map.entry("relu", new float[] {
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1e-07f, 0.001f, 0.5f, 1.0f,
            2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("linear", new float[] {
            -88.0f, -50.0f, -20.0f, -10.0f, -6.0f, -3.0f, -2.5f, -1.0f, -0.5f, -0.001f, -1e-07f, 0.0f, 1e-07f,
            0.001f, 0.5f, 1.0f, 2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("tanh", new float[] {
            -1.0f, -1.0f, -1.0f, -1.0f, -0.9999877f, -0.9950548f, -0.9866143f, -0.7615942f, -0.4621172f,
            -0.0009999997f, -1e-07f, 0.0f, 1e-07f, 0.0009999997f, 0.4621172f, 0.7615942f, 0.9866143f,
            0.9950548f, 0.9999877f, 1.0f, 1.0f, 1.0f, 1.0f}),
        Map.entry("softplus", new float[] {
            6.054601e-39f, 1.9287499e-22f, 2.0611537e-09f, 4.53989e-05f, 0.0024756852f, 0.048587352f,
            0.078889735f, 0.3132617f, 0.474077f, 0.6926473f, 0.6931471f, 0.6931472f, 0.69314724f, 0.69364727f,
            0.974077f, 1.3132617f, 2.5788898f, 3.0485873f, 6.0024757f, 10.000046f, 20.0f, 50.0f, 80.0f}),
        Map.entry("softsign", new float[] {
            -0.98876405f, -0.98039216f, -0.95238096f, -0.90909094f, -0.85714287f, -0.75f, -0.71428573f, -0.5f,
            -0.33333334f, -0.000999001f, -9.999999e-08f, 0.0f, 9.999999e-08f, 0.000999001f, 0.33333334f, 0.5f,
            0.71428573f, 0.75f, 0.85714287f, 0.90909094f, 0.95238096f, 0.98039216f, 0.9876543f}),
        Map.entry("selu", new float[] {
            -1.7580993f, -1.7580993f, -1.7580993f, -1.7580194f, -1.7537415f, -1.6705687f, -1.6137859f,
            -1.1113307f, -0.6917582f, -0.0017572206f, -1.7580992e-07f, 0.0f, 1.050701e-07f, 0.001050701f,
            0.5253505f, 1.050701f, 2.6267526f, 3.152103f, 6.304206f, 10.50701f, 21.01402f, 52.53505f, 84.05608f}),
        Map.entry("elu", new float[] {
            -1.0f, -1.0f, -1.0f, -0.9999546f, -0.9975213f, -0.9502129f, -0.91791505f, -0.63212055f,
            -0.39346933f, -0.0009995002f, -9.9999994e-08f, 0.0f, 1e-07f, 0.001f, 0.5f, 1.0f, 2.5f, 3.0f, 6.0f,
            10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("exponential", new float[] {
            6.054601e-39f, 1.9287499e-22f, 2.0611537e-09f, 4.5399924e-05f, 0.002478752f, 0.049787067f,
            0.082085006f, 0.36787942f, 0.60653067f, 0.9990005f, 0.99999994f, 1.0f, 1.0000001f, 1.0010005f,
            1.6487212f, 2.718282f, 12.182493f, 20.085537f, 403.42877f, 22026.467f, 4.8516522e+08f,
            5.1847055e+21f, 5.5406225e+34f}),
        Map.entry("swish", new float[] {
            -5.3280493e-37f, -9.64375e-21f, -4.1223068e-08f, -0.0004539787f, -0.0148357395f, -0.14227763f,
            -0.18964545f, -0.2689414f, -0.18877034f, -0.00049975f, -5e-08f, 0.0f, 5e-08f, 0.00050025f,
            0.31122968f, 0.7310586f, 2.3103545f, 2.8577223f, 5.9851646f, 9.999546f, 20.0f, 50.0f, 80.0f}),
        Map.entry("silu", new float[] {
            -5.3280493e-37f, -9.64375e-21f, -4.1223068e-08f, -0.0004539787f, -0.0148357395f, -0.14227763f,
            -0.18964545f, -0.2689414f, -0.18877034f, -0.00049975f, -5e-08f, 0.0f, 5e-08f, 0.00050025f,
            0.31122968f, 0.7310586f, 2.3103545f, 2.8577223f, 5.9851646f, 9.999546f, 20.0f, 50.0f, 80.0f}),
        Map.entry("gelu", new float[] {
            -0.0f, -0.0f, -0.0f, -0.0f, -0.0f, -0.0040496886f, -0.015524179f, -0.15865526f, -0.15426877f,
            -0.00049960107f, -4.9999997e-08f, 0.0f, 5.0000008e-08f, 0.000500399f, 0.34573123f, 0.8413447f,
            2.4844759f, 2.9959502f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("relu6", new float[] {
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1e-07f, 0.001f, 0.5f, 1.0f,
            2.5f, 3.0f, 6.0f, 6.0f, 6.0f, 6.0f, 6.0f}),
        Map.entry("mish", new float[] {
            -5.3280493e-37f, -9.64375e-21f, -4.1223075e-08f, -0.00045398902f, -0.014854081f, -0.14564747f,
            -0.1968162f, -0.30340147f, -0.22074378f, -0.00059968f, -6e-08f, 0.0f, 6.0000005e-08f, 0.00060032f,
            0.37524518f, 0.8650984f, 2.4713924f, 2.986535f, 5.9999266f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("leaky_relu", new float[] {
            -17.6f, -10.0f, -4.0f, -2.0f, -1.2f, -0.6f, -0.5f, -0.2f, -0.1f, -0.00020000001f, -2e-08f, 0.0f,
            1e-07f, 0.001f, 0.5f, 1.0f, 2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("hard_silu", new float[] {
            -0.0f, -0.0f, -0.0f, -0.0f, -0.0f, -0.0f, -0.20833336f, -0.3333333f, -0.20833333f, -0.0004998334f,
            -4.9999997e-08f, 0.0f, 5e-08f, 0.0005001667f, 0.29166666f, 0.6666667f, 2.2916665f, 3.0f, 6.0f,
            10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("hard_swish", new float[] {
            -0.0f, -0.0f, -0.0f, -0.0f, -0.0f, -0.0f, -0.20833336f, -0.3333333f, -0.20833333f, -0.0004998334f,
            -4.9999997e-08f, 0.0f, 5e-08f, 0.0005001667f, 0.29166666f, 0.6666667f, 2.2916665f, 3.0f, 6.0f,
            10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("celu", new float[] {
            -1.0f, -1.0f, -1.0f, -0.9999546f, -0.9975213f, -0.9502129f, -0.91791505f, -0.63212055f,
            -0.39346933f, -0.0009995002f, -9.9999994e-08f, 0.0f, 1e-07f, 0.001f, 0.5f, 1.0f, 2.5f, 3.0f, 6.0f,
            10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("hard_tanh", new float[] {
            -1.0f, -1.0f, -1.0f, -1.0f, -1.0f, -1.0f, -1.0f, -1.0f, -0.5f, -0.001f, -1e-07f, 0.0f, 1e-07f,
            0.001f, 0.5f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f}),
        Map.entry("log_sigmoid", new float[] {
            -88.0f, -50.0f, -20.0f, -10.000046f, -6.0024757f, -3.0485873f, -2.5788898f, -1.3132617f, -0.974077f,
            -0.69364727f, -0.69314724f, -0.6931472f, -0.6931471f, -0.6926473f, -0.474077f, -0.3132617f,
            -0.078889735f, -0.048587352f, -0.0024756852f, -4.53989e-05f, -2.0611537e-09f, -1.9287499e-22f,
            -1.8048513e-35f}),
        Map.entry("tanh_shrink", new float[] {
            -87.0f, -49.0f, -19.0f, -9.0f, -5.0000124f, -2.0049453f, -1.5133858f, -0.23840582f, -0.037882805f,
            -3.4924597e-10f, 0.0f, 0.0f, 0.0f, 3.4924597e-10f, 0.037882805f, 0.23840582f, 1.5133858f,
            2.0049453f, 5.0000124f, 9.0f, 19.0f, 49.0f, 79.0f}),
        Map.entry("squareplus", new float[] {
            0.011363983f, 0.019992828f, 0.04987526f, 0.09901953f, 0.1622777f, 0.30277562f, 0.35078108f,
            0.618034f, 0.7807764f, 0.9995001f, 0.99999994f, 1.0f, 1.0f, 1.0005001f, 1.2807764f, 1.618034f,
            2.850781f, 3.3027756f, 6.1622777f, 10.09902f, 20.049875f, 50.019993f, 80.0125f}),
        Map.entry("sparse_plus", new float[] {
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0625f, 0.24950026f, 0.24999994f, 0.25f,
            0.25000006f, 0.25050026f, 0.5625f, 1.0f, 2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("soft_shrink", new float[] {
            -87.5f, -49.5f, -19.5f, -9.5f, -5.5f, -2.5f, -2.0f, -0.5f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
            0.5f, 2.0f, 2.5f, 5.5f, 9.5f, 19.5f, 49.5f, 79.5f}),
        Map.entry("hard_shrink", new float[] {
            -88.0f, -50.0f, -20.0f, -10.0f, -6.0f, -3.0f, -2.5f, -1.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f,
            0.0f, 1.0f, 2.5f, 3.0f, 6.0f, 10.0f, 20.0f, 50.0f, 80.0f}),
        Map.entry("sparse_sigmoid", new float[] {
            0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.25f, 0.4995f, 0.49999994f, 0.5f, 0.50000006f,
            0.5005f, 0.75f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f}));

    @TestFactory
    Stream<DynamicTest> elementwiseMatchKeras() {
        return KERAS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            float[] y = X.clone();
            Activations.byName(e.getKey(), Semantics.KERAS_3).applyRows(y, 0, 1, y.length);
            assertMatches(e.getKey(), e.getValue(), y, BIT_EXACT.contains(e.getKey()));
        }));
    }

    @Test
    void softmaxMatchesKeras() {
        float[] keras = {
            4.0016526e-05f, 4.543472e-05f, 5.1586536e-05f, 5.8571306e-05f, 6.6501794e-05f, 7.5506076e-05f,
            8.572951e-05f, 9.733721e-05f, 0.00011051658f, 0.0001254804f, 0.00014247032f, 0.00016176066f,
            0.0001836629f, 0.00020853065f, 0.00023676548f, 0.00026882332f, 0.00030522168f, 0.00034654842f,
            0.00039347072f, 0.00044674624f, 0.00050723524f, 0.0005759144f, 0.00065389264f, 0.000742429f,
            0.00084295316f, 0.0009570882f, 0.001086677f, 0.001233812f, 0.0014008686f, 0.0015905448f,
            0.0018059032f, 0.0020504207f, 0.0023280461f, 0.0026432609f, 0.0030011558f, 0.0034075093f,
            0.003868883f, 0.004392726f, 0.0049874964f, 0.005662798f, 0.006429537f, 0.007300089f, 0.008288514f,
            0.009410771f, 0.010684979f, 0.012131715f, 0.013774337f, 0.015639367f, 0.017756922f, 0.020161191f,
            0.022890996f, 0.025990414f, 0.02950949f, 0.033505045f, 0.038041595f, 0.043192387f, 0.049040593f,
            0.055680636f, 0.06321974f, 0.07177963f, 0.08149852f, 0.09253334f, 0.105062254f, 0.11928758f};
        float[] y = X2.clone();
        Activations.softmax().applyRows(y, 0, 1, y.length);
        assertMatches("softmax", keras, y, false);
    }

    @Test
    void logSoftmaxMatchesKeras() {
        float[] keras = {
            -10.126218f, -9.999234f, -9.87225f, -9.745266f, -9.618281f, -9.491298f, -9.364313f, -9.2373295f,
            -9.110345f, -8.983361f, -8.856377f, -8.729393f, -8.602408f, -8.475425f, -8.34844f, -8.221457f,
            -8.094472f, -7.9674883f, -7.8405037f, -7.71352f, -7.5865355f, -7.459552f, -7.332567f, -7.2055836f,
            -7.078599f, -6.9516153f, -6.8246307f, -6.697647f, -6.5706625f, -6.443679f, -6.3166943f, -6.1897106f,
            -6.062726f, -5.935742f, -5.808758f, -5.6817737f, -5.5547895f, -5.4278054f, -5.3008213f, -5.173837f,
            -5.046853f, -4.9198685f, -4.792885f, -4.6659f, -4.5389166f, -4.411932f, -4.2849483f, -4.1579638f,
            -4.03098f, -3.9039958f, -3.7770116f, -3.6500275f, -3.5230434f, -3.3960593f, -3.2690752f, -3.142091f,
            -3.015107f, -2.8881228f, -2.7611387f, -2.6341546f, -2.5071704f, -2.3801863f, -2.2532022f,
            -2.126218f};
        float[] y = X2.clone();
        Activations.byName("log_softmax", Semantics.KERAS_3).applyRows(y, 0, 1, y.length);
        assertMatches("log_softmax", keras, y, false);
    }

    /** Keras 3.15.1 returns an all-zero row here: its threshold sums every cumulative sum of the support. */
    @Test
    void sparsemaxMatchesKerasIncludingItsThreshold() {
        float[] y = X2.clone();
        Activations.byName("sparsemax", Semantics.KERAS_3).applyRows(y, 0, 1, y.length);
        for (int i = 0; i < y.length; i++) assertEquals(0f, y[i], "sparsemax at x=" + X2[i]);
    }

    private static void assertMatches(String name, float[] keras, float[] ours, boolean bitExact) {
        assertEquals(keras.length, ours.length);
        for (int i = 0; i < keras.length; i++) {
            String where = name + " at x=" + (keras.length == X.length ? X[i] : X2[i]) + ": keras " + keras[i]
                + ", ours " + ours[i];
            if (bitExact) assertEquals(Float.floatToIntBits(keras[i] + 0f), Float.floatToIntBits(ours[i] + 0f), where);
            else assertTrue(Math.abs(ours[i] - keras[i]) <= 1e-5 + 1e-5 * Math.abs(keras[i]), where);
        }
    }
}
