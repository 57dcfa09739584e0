package org.jkeras.benchmarks;

import java.nio.file.Path;
import java.util.Locale;

import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.runtime.Tensor;

/**
 * How long a fresh JVM's first calls take, with and without {@link KerasModel#warmUp()}: loads the model, warms it
 * up when asked, then times six calls at batch 1 on made-up pixels in [0, 1). Run it once each way, each in its own JVM.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.jkeras.benchmarks.FirstCalls MODEL [warm]</pre>
 */
public final class FirstCalls {
    private FirstCalls() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        KerasModel m = KerasModel.load(Path.of(args[0]));
        long t1 = System.nanoTime();
        if (args.length > 1) m.warmUp();
        long t2 = System.nanoTime();
        TensorInfo in = m.inputs().get(0);
        int[] dims = in.shape().prepend(1).dims();
        float[] data = new float[in.shape().size()];
        for (int i = 0; i < data.length; i++) data[i] = (i % 255) / 255f;
        Tensor x = Tensor.of(data, dims);
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            long s = System.nanoTime();
            m.predict(x);
            calls.append(String.format(Locale.ROOT, " %.0f", (System.nanoTime() - s) / 1e6));
        }
        System.out.printf(Locale.ROOT, "load %.0f ms, warmUp %.0f ms, calls (ms):%s%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, calls);
    }
}
