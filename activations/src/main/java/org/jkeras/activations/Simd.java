package org.jkeras.activations;

/**
 * The one switch between scalar and Vector API kernels, for every module. The Vector API is an incubator
 * module: it is used only when the JVM was started with {@code --add-modules jdk.incubator.vector}, and
 * {@code -Djkeras.vector=false} turns it off. Classes that touch {@code jdk.incubator.vector} are loaded only
 * behind this flag, so the scalar path runs on any Java 17+.
 */
public final class Simd {
    public static final boolean ENABLED = detect();

    private Simd() {
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("jkeras.vector", "true"))) return false;
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
