package org.jkeras.spark;

import java.io.Serializable;

/**
 * One row's results: the fetched outputs (null for a row kept as invalid), and the {@code array<float>} input
 * columns handed back as they came, so they never travel boxed in the carried row. Public only for Spark's bean
 * encoder; not part of the API.
 */
public final class Scored implements Serializable {
    private static final long serialVersionUID = 1L;
    private float[][] outputs;
    private float[][] restored;

    public Scored() {
    }

    Scored(float[][] outputs, float[][] restored) {
        this.outputs = outputs;
        this.restored = restored;
    }

    public float[][] getOutputs() {
        return outputs;
    }

    public void setOutputs(float[][] outputs) {
        this.outputs = outputs;
    }

    public float[][] getRestored() {
        return restored;
    }

    public void setRestored(float[][] restored) {
        this.restored = restored;
    }
}
