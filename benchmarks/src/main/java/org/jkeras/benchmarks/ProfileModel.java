package org.jkeras.benchmarks;

import java.nio.file.Path;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Tensor;

/**
 * Where a model's time goes: warms the model up, then prints {@link KerasModel#profile} per Keras class and the
 * slowest layers, for made-up inputs of the model's shapes (open dimensions 16; integer inputs get small ids).
 *
 * <pre>java --add-modules jdk.incubator.vector -Djkeras.threads=1 -cp benchmarks/target/benchmarks.jar \
 *     org.jkeras.benchmarks.ProfileModel MODEL [batch=1] [calls=20] [top=25]</pre>
 */
public final class ProfileModel {
    private ProfileModel() {
    }

    public static void main(String[] args) {
        KerasModel m = KerasModel.load(Path.of(args[0]));
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        Tensor[] in = ZooBenchmark.inputs(m, batch, 7);
        m.warmUp();
        for (int c = 0; c < 5; c++) m.predict(in);
        System.out.println(m.info().kernels());
        System.out.print(m.profile(calls, in).table(top));
    }
}
