package org.jkeras.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.runtime.Tensor;

/**
 * Comma-separated numbers, one sample per row. Reading: an optional header line (recognised by a field that is
 * not a number), blank lines and '#' comment lines skipped, fields trimmed, nan/inf/-inf accepted as by NumPy.
 * Header names may be quoted as RFC 4180 quotes them (a comma or a doubled quote inside); data fields are numbers.
 * {@link CsvColumns} writes several arrays side by side under such a header. Strings (a text model's) are read by
 * {@link CsvStrings} and written quoted as it reads them.
 */
public final class Csv {
    private Csv() {}

    /** The whole file as a (rows, columns) tensor; see {@link CsvBatches} to read it in pieces. */
    public static Tensor read(Path file) {
        try (CsvBatches rows = CsvBatches.open(file, Integer.MAX_VALUE)) {
            if (!rows.hasNext()) throw new ArrayFileException(file + ": no data rows");
            return rows.next();
        }
    }

    /** One line per batch element, flattened in C order, with no header line. */
    public static void write(Writer out, Tensor t) throws IOException {
        write(out, t, List.of());
    }

    /** One line per batch element, flattened in C order, after a header line unless {@code header} is empty. */
    public static void write(Writer out, Tensor t, List<String> header) throws IOException {
        int width = t.rowSize();
        if (!header.isEmpty()) {
            if (header.size() != width) {
                throw new IllegalArgumentException(header.size() + " header names for rows of " + width + " values");
            }
            if (header.stream().anyMatch(h -> h.contains(",") || h.contains("\n") || h.contains("\r"))) {
                throw new IllegalArgumentException("header names must not contain commas or line breaks: " + header);
            }
            if (header.stream().allMatch(Floats::isNumber)) {
                throw new IllegalArgumentException("header names that are all numbers would read back as data: " + header);
            }
            out.write(String.join(",", header));
            out.write('\n');
        }
        int rows = t.shape().rank() == 0 ? 1 : t.batch();
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            line.setLength(0);
            for (int j = 0; j < width; j++) {
                if (j > 0) line.append(',');
                line.append(field(t, r * width + j));
            }
            out.append(line).append('\n');
        }
    }

    /** Element {@code i} as a CSV field: a number as {@link #format} spells it, a string as {@link #quote} writes it. */
    static String field(Tensor t, int i) {
        return t.isString() ? quote(t.strings()[i]) : format(t.data()[i]);
    }

    /**
     * A string as a CSV field, as {@link CsvStrings} reads it back: in double quotes (a quote doubled) when it is empty
     * or holds a comma, a quote or a line break; as it is otherwise.
     */
    public static String quote(String s) {
        boolean needs = s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Float.toString round-trips exactly; NaN and infinities are spelled as NumPy's savetxt does. */
    static String format(float v) {
        if (Float.isNaN(v)) return "nan";
        if (Float.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return Float.toString(v);
    }
}
