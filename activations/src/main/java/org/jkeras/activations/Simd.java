package org.jkeras.activations;

/**
 * The one switch between scalar and Vector API kernels, for every module. The Vector API is an incubator
 * module: it is used only when the JVM was started with {@code --add-modules jdk.incubator.vector}, and
 * {@code -Djkeras.vector=false} turns it off. Classes that touch {@code jdk.incubator.vector} are loaded only
 * behind this flag, so the scalar path runs on any Java 17+.
 */
public final class Simd {
    /** Whether the Vector API kernels run. */
    public static final boolean ENABLED = detect();

    private static final System.Logger LOG = System.getLogger("org.jkeras");
    private static volatile boolean warned;

    private Simd() {
    }

    /** Which kernels run, for {@code inspect} and model info: {@code "Vector API, 256-bit (8 floats)"} or why scalar. */
    public static String describe() {
        if (ENABLED) {
            int bits = VectorKernels.floatBits();
            return "Vector API, " + bits + "-bit (" + bits / 32 + " floats)";
        }
        return vectorModulePresent() ? "scalar (the Vector API is turned off by -Djkeras.vector=false)"
                : "scalar (start the JVM with --add-modules jdk.incubator.vector for the Vector API kernels, 15-25x faster)";
    }

    /**
     * Logs, once per JVM, a warning that the scalar kernels run because the Vector API module is missing: every
     * call is many times slower, and nothing else would say so. Not when the Vector API is turned off on purpose.
     */
    public static void warnIfScalar() {
        if (ENABLED || warned || !"true".equalsIgnoreCase(System.getProperty("jkeras.vector", "true"))) return;
        warned = true;
        LOG.log(System.Logger.Level.WARNING, "jkeras runs its scalar kernels, 15-25x slower than its Vector API kernels: start the JVM"
                + " with --add-modules jdk.incubator.vector (or -Djkeras.vector=false to run scalar without this warning)");
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("jkeras.vector", "true"))) return false;
        return vectorModulePresent();
    }
}
