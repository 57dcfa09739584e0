package org.jkeras.activations;

/**
 * Keras {@code squareplus(x, b=4)}: (x + √(x² + b)) / 2 (numpy backend nn.squareplus), in double; for x &lt; 0 as
 * b / (2(√(x² + b) − x)), the same value without cancellation. Finite for every finite float x (Keras' float32
 * x² overflows beyond |x| ≈ 1.8e19).
 */
public final class Squareplus extends ElementwiseActivation {
    private final float b;

    /** squareplus with smoothness {@code b} near 0 (Keras' default 4; b = 0 gives relu). */
    public Squareplus(float b) {
        this.b = b;
    }

    @Override
    public String name() {
        return "squareplus";
    }

    @Override
    public String formula() {
        return "(x + sqrt(x^2 + " + b + ")) / 2";
    }

    @Override
    public float apply(float x) {
        double d = x, s = Math.sqrt(d * d + b);
        return (float) (d >= 0 ? (d + s) / 2 : b / (2 * (s - d)));
    }
}
