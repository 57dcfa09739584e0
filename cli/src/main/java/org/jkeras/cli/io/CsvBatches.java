package org.jkeras.cli.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Reads CSV rows a batch at a time, as (rows, columns) tensors of at most {@code maxRows} rows, so a file larger
 * than memory can be scored in pieces. The syntax is that of {@link Csv#read}.
 */
public final class CsvBatches implements Iterator<Tensor>, Closeable {
    private final BufferedReader in;
    private final String name;
    private final int maxRows;
    private final List<String> header;
    private final int columns;
    private final int firstLineNo;
    private int lineNo;
    /** The next data line, not yet parsed; null at the end. */
    private String pending;
    private int pendingLineNo;

    /** Reads up to the first data row, to tell whether the first line is a header. */
    public CsvBatches(Reader reader, String nameForErrors, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.name = nameForErrors;
        this.maxRows = maxRows;
        advance();
        firstLineNo = pendingLineNo;
        String[] fields = pending == null ? new String[0] : split(pending);
        columns = fields.length;
        List<String> names = new ArrayList<>();
        for (String f : fields) {
            if (!Floats.isNumber(f)) {
                for (String h : fields) names.add(unquote(h));
                advance();
                break;
            }
        }
        header = List.copyOf(names);
    }

    public static CsvBatches open(Path file, int maxRows) {
        return Readers.build(Readers.utf8(file), r -> new CsvBatches(r, file.toString(), maxRows));
    }

    /** The column names of the header line; empty when the file has none. */
    public List<String> header() {
        return header;
    }

    /** Fields per row, as on the first line; 0 for an empty file. */
    public int columns() {
        return columns;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Tensor next() {
        if (pending == null) throw new NoSuchElementException(name + ": no more rows");
        FloatList values = new FloatList(name, (int) Math.min(1 << 20, (long) Math.min(maxRows, 1024) * columns));
        int rows = 0;
        do {
            String[] fields = split(pending);
            if (fields.length != columns) {
                throw new ArrayFileException(name + " line " + pendingLineNo + ": " + fields.length + " fields, expected "
                        + columns + " as on line " + firstLineNo);
            }
            for (int j = 0; j < fields.length; j++) {
                try {
                    values.add(Floats.parse(fields[j]));
                } catch (NumberFormatException e) {
                    throw new ArrayFileException(name + " line " + pendingLineNo + ", field " + (j + 1) + ": '"
                            + fields[j] + "' is not a number");
                }
            }
            rows++;
            advance();
        } while (pending != null && rows < maxRows);
        return new Tensor(Shape.of(rows, columns), values.toArray());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    /** Moves {@link #pending} to the next line that is neither blank nor a '#' comment (NumPy's savetxt header). */
    private void advance() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1); // spreadsheet byte order mark
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    pending = line;
                    pendingLineNo = lineNo;
                    return;
                }
            }
            pending = null;
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    private static String unquote(String field) {
        boolean quoted = field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"");
        return quoted ? field.substring(1, field.length() - 1) : field;
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int j = 0; j < fields.length; j++) fields[j] = fields[j].trim();
        return fields;
    }
}
