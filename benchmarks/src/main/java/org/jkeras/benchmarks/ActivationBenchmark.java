package org.jkeras.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transcendental activations of real architectures (silu in EfficientNet, gelu in encoders, softmax in attention
 * and classifiers, sigmoid in gates), in place on rows of normally distributed pre-activations, ns per value.
 * {@code spread} is their standard deviation: at 0.5 nearly every 16-lane vector of gelu stays in its polynomial
 * branch, at 2 nearly every one needs erfc's exponential.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ActivationBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class ActivationBenchmark {
    /** Values per call: a 128 × 1024 FFN activation, or 128 rows of 1024 attention logits. */
    private static final int WIDTH = 1024, ROWS = 128;

    @Param({"silu", "sigmoid", "gelu", "gelu_tanh", "softmax", "softplus", "mish", "elu", "exponential"}) public String activation;
    @Param({"0.5", "2"}) public double spread;

    private Activation a;
    private float[] x, work;

    @Setup
    public void setup() {
        a = activation.equals("gelu_tanh") ? Activations.gelu(true) : Activations.byName(activation, Semantics.KERAS_3);
        SplittableRandom r = new SplittableRandom(11);
        x = new float[WIDTH * ROWS];
        for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * spread);
        work = new float[x.length];
    }

    /** One call over all rows, divided by the values (JMH reports per operation: divide by {@value #WIDTH}·{@value #ROWS}). */
    @Benchmark
    public float[] apply() {
        System.arraycopy(x, 0, work, 0, x.length);
        a.applyRows(work, 0, ROWS, WIDTH);
        return work;
    }
}
