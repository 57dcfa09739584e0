package org.jkeras;

import org.jkeras.runtime.Shape;

/**
 * A model input or output as a user feeds or reads it.
 *
 * @param name  the Keras name ({@code model.input_names} / {@code model.output_names}); output names may repeat
 * @param key   the name {@link KerasModel#predict(java.util.Map)} uses: the name, or {@code name:<position>} for an
 *              output whose name repeats; an input's key is its name
 * @param dtype the dtype Keras declares ({@code "float32"}, {@code "int32"} for token ids, {@code "bool"},
 *              {@code "string"} for text, …); jkeras takes and returns float32 tensors, whole numbers exact up to
 *              2<sup>24</sup>, and string tensors ({@link org.jkeras.runtime.Tensor#ofStrings}) for {@code "string"}
 * @param shape the per-sample shape, without the batch axis ({@link Shape#UNKNOWN} where Keras has {@code None})
 */
public record TensorInfo(String name, String key, String dtype, Shape shape) {
    /** Whether Keras gives this tensor an integer or boolean dtype (ids, indices, masks). */
    public boolean isInteger() {
        return dtype.startsWith("int") || dtype.startsWith("uint") || dtype.equals("bool");
    }

    /** Whether this is a text model's string input or a string output (StringLookup with {@code invert}). */
    public boolean isString() {
        return dtype.equals("string");
    }

    @Override
    public String toString() {
        return key + ": " + dtype + " " + shape.prepend(Shape.UNKNOWN);
    }
}
