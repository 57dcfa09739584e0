package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder;

/**
 * Keras {@code CategoryEncoding(num_tokens, output_mode)}: integer inputs (floats truncated toward zero, as
 * TensorFlow's cast) encoded one-hot, multi-hot or as counts; the rules per rank in {@link CategoryEncoder}.
 */
public final class CategoryEncoding extends Layer {
    private final int numTokens;
    private final CategoryEncoder.Mode mode;

    public CategoryEncoding(String name, int numTokens, CategoryEncoder.Mode mode) {
        super(name);
        if (numTokens < 1) throw new IllegalArgumentException("num_tokens must be at least 1, got " + numTokens);
        if (mode == CategoryEncoder.Mode.INT) throw new IllegalArgumentException("CategoryEncoding has no output_mode 'int'");
        this.numTokens = numTokens;
        this.mode = mode;
    }

    @Override
    public String kerasClass() {
        return "CategoryEncoding";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return CategoryEncoder.outputShape(inputs.get(0), mode, numTokens);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return CategoryEncoder.encode(inputs.get(0), mode, numTokens, "CategoryEncoding '" + name() + "'");
    }

    @Override
    public String details() {
        return mode.name().toLowerCase() + " of " + numTokens;
    }
}
