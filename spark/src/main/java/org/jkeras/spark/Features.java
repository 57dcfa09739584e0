package org.jkeras.spark;

import java.io.Serializable;

/**
 * One row's model inputs as Spark hands them to a partition: primitive arrays. A Java bean because Spark's bean
 * encoder is the Java API that decodes {@code array<float>} into {@code float[]} (in one copy when the array's type
 * holds no nulls; element by element, boxed, when it may). Public only for that encoder; not part of the API.
 */
public final class Features implements Serializable {
    private static final long serialVersionUID = 1L;
    private float[][] inputs;  // per model input in feed order: the sample flattened in C order, or null
    private boolean[] nulls;   // per model input: its array holds a null element (which decodes as 0)

    public float[][] getInputs() {
        return inputs;
    }

    public void setInputs(float[][] inputs) {
        this.inputs = inputs;
    }

    public boolean[] getNulls() {
        return nulls;
    }

    public void setNulls(boolean[] nulls) {
        this.nulls = nulls;
    }
}
