package org.jkeras.io;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeras.runtime.Tensor;

/**
 * Writes several arrays (a model's outputs) as one CSV, a batch at a time: a header line naming the columns, then
 * one line per sample holding each array's sample flattened in C order, the arrays side by side in the order of
 * their keys. A column is named {@code key} for an array of one value per sample, {@code key[i]} (i the flat index)
 * otherwise; a name is quoted where a CSV reader would misread it ({@link #quote}).
 */
public final class CsvColumns {
    private final Writer out;
    private final List<String> keys;
    private int[] widths; // values per sample of each array, fixed by the first batch
    private long rows;

    /** Columns for the arrays of these keys, in this order. */
    public CsvColumns(Writer out, List<String> keys) {
        this.out = out;
        this.keys = List.copyOf(keys);
    }

    /** Writes the batch's samples (the header line first, the first time); every array must have the same rows. */
    public void write(Map<String, Tensor> batch) throws IOException {
        Tensor[] arrays = new Tensor[keys.size()];
        int n = -1;
        for (int k = 0; k < arrays.length; k++) {
            arrays[k] = batch.get(keys.get(k));
            if (arrays[k] == null) throw new IllegalArgumentException("no array '" + keys.get(k) + "' in the batch");
            int rowsHere = arrays[k].shape().rank() == 0 ? 1 : arrays[k].batch();
            if (n >= 0 && rowsHere != n) {
                throw new ArrayFileException("'" + keys.get(k) + "' has " + rowsHere + " rows, '" + keys.get(0) + "' " + n + ": CSV columns need one row count");
            }
            n = rowsHere;
        }
        if (widths == null) {
            widths = new int[arrays.length];
            for (int k = 0; k < arrays.length; k++) widths[k] = arrays[k].rowSize();
            out.write(String.join(",", names(keys, widths)));
            out.write('\n');
        }
        for (int k = 0; k < arrays.length; k++) {
            if (arrays[k].rowSize() != widths[k]) {
                throw new ArrayFileException("'" + keys.get(k) + "' has " + arrays[k].rowSize() + " values per sample from row " + rows + " on, "
                        + widths[k] + " before: CSV columns cannot change; write .npz, .json or .jsonl");
            }
        }
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < n; r++) {
            line.setLength(0);
            for (int k = 0; k < arrays.length; k++) {
                for (int j = 0, at = r * widths[k]; j < widths[k]; j++) {
                    if (k + j > 0) line.append(',');
                    line.append(Csv.field(arrays[k], at + j));
                }
            }
            out.append(line).append('\n');
        }
        rows += n;
    }

    /** The column names, quoted where needed: {@code key} for one value per sample, else {@code key[0]}, {@code key[1]} … */
    public static List<String> names(List<String> keys, int[] widths) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            if (widths[k] == 1) names.add(quote(keys.get(k)));
            else for (int i = 0; i < widths[k]; i++) names.add(quote(keys.get(k) + "[" + i + "]"));
        }
        return names;
    }

    /**
     * A column name as a CSV field: in double quotes (a quote doubled) when it holds a comma, a quote or a line
     * break, is empty, starts or ends with a space (readers trim fields), starts with {@code #} (a comment line to
     * NumPy and jkeras) or reads as a number (a header line of numbers reads as data); as it is otherwise.
     */
    public static String quote(String name) {
        boolean needs = name.isEmpty() || name.contains(",") || name.contains("\"") || name.contains("\n") || name.contains("\r")
                || !name.equals(name.trim()) || name.startsWith("#") || Floats.isNumber(name);
        return needs ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }
}
