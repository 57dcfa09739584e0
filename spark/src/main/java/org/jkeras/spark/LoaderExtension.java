package org.jkeras.spark;

import org.jkeras.KerasModel;

/**
 * Registers custom layers, {@code Lambda} layers and activations on the loader every executor uses. Each JVM makes
 * an instance from its class name ({@link KerasScorer#setLoaderExtension}) when it loads the model, so the class
 * needs a public no-argument constructor and must reach the executors on their classpath (the application jar,
 * {@code --jars}):
 * <pre>{@code
 * public final class MyLayers implements LoaderExtension {
 *     public KerasModel.Loader extend(KerasModel.Loader loader) {
 *         return loader.register("my_pkg>Scale", ctx -> new MyScale(ctx.name(), ctx.config().getFloat("factor")));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LoaderExtension {
    KerasModel.Loader extend(KerasModel.Loader loader);

    /** The extension named by {@code className}, loaded through the thread's context class loader (Spark's user jars). */
    static LoaderExtension named(String className) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        Class<?> c;
        try {
            c = Class.forName(className, true, cl != null ? cl : LoaderExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new KerasSparkException("loader extension " + className + ": class not found on this JVM's classpath"
                    + " (ship it with the application jar or --jars)", e);
        }
        if (!LoaderExtension.class.isAssignableFrom(c)) {
            throw new KerasSparkException("loader extension " + className + ": does not implement " + LoaderExtension.class.getName());
        }
        try {
            return (LoaderExtension) c.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new KerasSparkException("loader extension " + className + ": needs a public no-argument constructor: " + e, e);
        }
    }
}
