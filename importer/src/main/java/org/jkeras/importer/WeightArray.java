package org.jkeras.importer;

import java.util.Arrays;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;

import org.jkeras.KerasImportException;

/** One stored weight: where it is, its shape, and the dataset read (as float32) only when asked. */
public final class WeightArray {
    private final String file;
    private final String path;
    private final int[] shape;
    private final Dataset dataset;
    private final String group; // Keras 3 layout: the sub-layer group below the layer ("" own vars, "cell", "forward_layer/cell"); legacy: null

    WeightArray(String file, String path, Dataset dataset) {
        this(file, path, dataset, null);
    }

    WeightArray(String file, String path, Dataset dataset, String group) {
        this.file = file;
        this.path = path;
        this.dataset = dataset;
        this.group = group;
        this.shape = dataset.isScalar() ? new int[0] : dataset.getDimensions();
    }

    /** The weight's HDF5 dataset path, as error messages give it (e.g. {@code /model_weights/dense_1/dense_1/kernel:0}). */
    public String path() {
        return path;
    }

    /**
     * Where a Keras 3 {@code .weights.h5} stores this weight below its layer: {@code ""} for the layer's own
     * {@code vars}, {@code "cell"}, {@code "forward_layer/cell"}, {@code "query_dense"} for a sub-layer's; null in
     * the legacy layout, which keeps one ordered list per layer.
     */
    public String group() {
        return group;
    }

    /** This weight seen from inside sub-layer {@code prefix} (its group relative to it). */
    WeightArray below(String prefix) {
        String g = group.equals(prefix) ? "" : group.substring(prefix.length() + 1);
        return new WeightArray(file, path, dataset, g);
    }

    /** The stored shape (a copy); empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    /** The values in C order as float32 (float16 and float64 weights are converted). */
    public float[] read() {
        try {
            if (dataset.getSize() > Integer.MAX_VALUE - 8 || dataset.getSize() * 4 > ModelReader.MAX_ENTRY_BYTES) {
                throw new KerasImportException(file + ": weight '" + path + "' declares " + dataset.getSize() + " values, over the memory budget"
                        + " (-Djkeras.maxModelBytes)");
            }
            // a truncated file must not read as zeros: contiguous data has to lie inside the file
            if (dataset instanceof ContiguousDataset c && !dataset.isEmpty()) {
                long end = c.getDataAddress() + dataset.getSizeInBytes();
                long fileSize = dataset.getHdfFile().size();
                if (c.getDataAddress() < 0 || end > fileSize) {
                    throw new KerasImportException(file + ": weight '" + path + "' lies past the end of the file (byte " + end + " of "
                            + fileSize + "): the file is truncated");
                }
            }
            Object flat = dataset.getDataFlat();
            if (flat instanceof float[] f) return f;
            if (flat instanceof double[] d) {
                float[] f = new float[d.length];
                for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
                return f;
            }
            throw new KerasImportException(file + ": weight '" + path + "' has data type " + dataset.getJavaType().getSimpleName()
                    + "; only float16, float32 and float64 weights are supported");
        } catch (KerasImportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KerasImportException(file + ": cannot read weight '" + path + "' " + Arrays.toString(shape) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path + " " + Arrays.toString(shape);
    }
}
