package org.jkeras.io;

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

    /** Whether the first line is a header: {@code AUTO} decides by its content (see {@link CsvBatches#CsvBatches(Reader, String, int, Header)}). */
    public enum Header {
        /** A header when a field is not a number, or the line is exactly {@code 0,1,…,n−1}. */
        AUTO,
        /** The first line is a header. */
        YES,
        /** The first line is data. */
        NO
    }

    /** Reads up to the first data row; the first line is a header when it is not all numbers. */
    public CsvBatches(Reader reader, String nameForErrors, int maxRows) {
        this(reader, nameForErrors, maxRows, Header.AUTO);
    }

    /**
     * Reads up to the first data row. With {@link Header#AUTO} the first line is a header when a field is not a number,
     * or when it is exactly {@code 0,1,…,n−1} with n ≥ 2: the column names pandas writes for a DataFrame of plain rows
     * ({@code DataFrame(x).to_csv(index=False)}); {@link #headerNote()} then says so.
     */
    public CsvBatches(Reader reader, String nameForErrors, int maxRows, Header mode) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.name = nameForErrors;
        this.maxRows = maxRows;
        advance();
        firstLineNo = pendingLineNo;
        String[] fields = pending == null ? new String[0] : split(pending);
        boolean numbers = java.util.Arrays.stream(fields).allMatch(Floats::isNumber);
        boolean index = fields.length >= 2;
        for (int i = 0; index && i < fields.length; i++) index = fields[i].trim().equals(Integer.toString(i));
        boolean isHeader = pending != null && switch (mode) {
            case YES -> true;
            case NO -> false;
            case AUTO -> !numbers || index;
        };
        List<String> names = isHeader ? splitHeader(pending) : List.of();
        if (isHeader) advance();
        header = List.copyOf(names);
        columns = isHeader ? names.size() : fields.length;
        headerNote = mode == Header.AUTO && numbers && index
                ? name + ": the first line '0," + (fields.length > 2 ? "1,…," : "") + (fields.length - 1) + "' is read as a header (column numbers,"
                        + " as pandas writes them); --header no reads it as a sample"
                : null;
    }

    private final String headerNote;

    /** A note for the user when {@link Header#AUTO} took an all-number first line for a header; null otherwise. */
    public String headerNote() {
        return headerNote;
    }

    /** Opens a UTF-8 file, its header told from its first line as {@link Header#AUTO} does. */
    public static CsvBatches open(Path file, int maxRows) {
        return open(file, maxRows, Header.AUTO);
    }

    /** Opens a UTF-8 file and reads up to its first data row; I/O failures name the file. */
    public static CsvBatches open(Path file, int maxRows, Header mode) {
        return Readers.build(Readers.utf8(file), r -> new CsvBatches(r, file.toString(), maxRows, mode));
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
                            + shorten(fields[j]) + "' is not a number" + separatorHint(fields[j]), e);
                }
            }
            rows++;
            advance();
        } while (pending != null && rows < maxRows);
        return new Tensor(Shape.of(rows, columns), values.toArray());
    }

    /** A field as quoted in an error: at most 40 characters, so a row of another format is not echoed whole. */
    private static String shorten(String field) {
        return field.length() <= 40 ? field : field.substring(0, 40) + "… (" + field.length() + " characters)";
    }

    /** A hint when the field is numbers joined by another separator (';' from a European locale, tabs). */
    private static String separatorHint(String field) {
        for (char sep : new char[] {';', '\t', '|', ' '}) {
            String[] parts = field.trim().split(java.util.regex.Pattern.quote(String.valueOf(sep)));
            if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(p -> Floats.isNumber(p.trim()) || Floats.isNumber(p.trim().replace(',', '.')))) {
                return "; the file seems separated by " + (sep == '\t' ? "tabs" : "'" + sep + "'")
                        + ", jkeras reads comma-separated values (e.g. pandas: to_csv(path, sep=',', decimal='.'))";
            }
        }
        return "";
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

    /**
     * A header line's names: fields split at commas outside double quotes, a quoted field unquoted (a doubled quote
     * inside is one quote, as RFC 4180 and {@link CsvColumns#quote} write it), an unquoted one trimmed.
     */
    static List<String> splitHeader(String line) {
        List<String> names = new ArrayList<>();
        int i = 0;
        do {
            while (i < line.length() && line.charAt(i) <= ' ') i++;
            boolean quoted = i < line.length() && line.charAt(i) == '"';
            StringBuilder b = new StringBuilder();
            if (quoted) {
                for (i++; i < line.length(); ) {
                    char c = line.charAt(i++);
                    if (c != '"') b.append(c);
                    else if (i < line.length() && line.charAt(i) == '"') b.append(line.charAt(i++));
                    else break;
                }
            }
            int comma = line.indexOf(',', i);
            int end = comma < 0 ? line.length() : comma;
            // a quoted name is what the quotes hold (anything after the closing quote is dropped), another is trimmed
            names.add(quoted ? b.toString() : line.substring(i, end).trim());
            i = end + 1;
        } while (i <= line.length());
        return names;
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int j = 0; j < fields.length; j++) fields[j] = fields[j].trim();
        return fields;
    }
}
