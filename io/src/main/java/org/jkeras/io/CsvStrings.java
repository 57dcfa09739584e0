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
import org.jkeras.runtime.Tensor;

/**
 * Reads CSV records of strings (a text model's string input) a batch at a time, as (rows, columns) string tensors
 * of at most {@code maxRows} rows. The syntax is RFC 4180's, as Python's csv module and pandas write it: fields
 * separated by commas; a field in double quotes may hold commas, line breaks and quotes (doubled); fields are taken
 * as they are, spaces included. Empty lines are skipped, so an empty string is written {@code ""}.
 */
public final class CsvStrings implements Iterator<Tensor>, Closeable {
    private final BufferedReader in;
    private final String name;
    private final int maxRows;
    private final int columns;
    private final int firstLineNo;
    private final String note;
    private int lineNo = 1;
    private int next = -2; // the next character read ahead; -2: none yet
    private boolean atStart = true;
    /** The next record, not yet handed out; null at the end. */
    private List<String> pending;
    private int pendingLineNo;

    /**
     * Reads up to the first data record. With {@link CsvBatches.Header#AUTO} the first record is a header when it is
     * exactly {@code inputName}, or the column numbers {@code 0,1,…,n−1} pandas writes; else it is a sample, and
     * {@link #headerNote()} says how to read it as a header.
     */
    public CsvStrings(Reader reader, String nameForErrors, int maxRows, CsvBatches.Header mode, String inputName) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.name = nameForErrors;
        this.maxRows = maxRows;
        advance();
        List<String> first = pending == null ? List.of() : pending;
        boolean index = !first.isEmpty();
        for (int i = 0; index && i < first.size(); i++) index = first.get(i).trim().equals(Integer.toString(i));
        boolean named = first.equals(List.of(inputName));
        boolean isHeader = pending != null && switch (mode) {
            case YES -> true;
            case NO -> false;
            case AUTO -> named || index;
        };
        note = mode == CsvBatches.Header.AUTO && pending != null && !isHeader
                ? name + ": the first line " + clip(String.join(",", first)) + " is read as a sample (it is not the input's name '" + inputName
                        + "'); --header yes reads it as a header, --header no without this note"
                : null;
        if (isHeader) advance();
        columns = isHeader ? first.size() : pending == null ? 0 : pending.size();
        firstLineNo = pendingLineNo;
    }

    /** Opens a UTF-8 file and reads up to its first data record; I/O failures name the file. */
    public static CsvStrings open(Path file, int maxRows, CsvBatches.Header mode, String inputName) {
        return Readers.build(Readers.utf8(file), r -> new CsvStrings(r, file.toString(), maxRows, mode, inputName));
    }

    /** A note for the user when {@link CsvBatches.Header#AUTO} read the first line as a sample; null otherwise. */
    public String headerNote() {
        return note;
    }

    /** Fields per record. */
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
        List<String> values = new ArrayList<>();
        int rows = 0;
        do {
            if (pending.size() != columns) {
                throw new ArrayFileException(name + " line " + pendingLineNo + ": " + pending.size() + " fields, expected " + columns + " as on line "
                        + firstLineNo + (pending.size() > columns ? " (a text holding a comma is written in double quotes)" : ""));
            }
            values.addAll(pending);
            rows++;
            advance();
        } while (pending != null && rows < maxRows);
        return Tensor.ofStrings(values.toArray(new String[0]), rows, columns);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    /** Reads the next non-empty record into {@link #pending} (null at the end). */
    private void advance() {
        try {
            while (true) {
                if (peek() < 0) {
                    pending = null;
                    return;
                }
                pendingLineNo = lineNo;
                if (peek() == '\n' || peek() == '\r') { // an empty line
                    lineBreak();
                    continue;
                }
                pending = record();
                return;
            }
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        while (true) {
            b.setLength(0);
            if (peek() == '"') {
                int start = lineNo;
                take();
                while (true) {
                    int c = take();
                    if (c < 0) throw new ArrayFileException(name + " line " + start + ": a quoted field is not closed by the end of the file");
                    if (c == '\n') lineNo++;
                    if (c != '"') b.append((char) c);
                    else if (peek() == '"') b.append((char) take());
                    else break;
                }
            }
            // unquoted text, or what follows a closing quote, up to the next comma or line end (as Python's csv reads it)
            while (peek() >= 0 && peek() != ',' && peek() != '\n' && peek() != '\r') b.append((char) take());
            fields.add(b.toString());
            if (peek() != ',') break;
            take();
        }
        lineBreak();
        return fields;
    }

    /** Consumes one line end ({@code \n}, {@code \r\n} or {@code \r}) if one comes next. */
    private void lineBreak() throws IOException {
        if (peek() == '\r') {
            take();
            if (peek() == '\n') take();
            lineNo++;
        } else if (peek() == '\n') {
            take();
            lineNo++;
        }
    }

    private int peek() throws IOException {
        if (next == -2) {
            next = in.read();
            if (atStart && next == '\uFEFF') next = in.read(); // a spreadsheet's byte order mark
            atStart = false;
        }
        return next;
    }

    private int take() throws IOException {
        int c = peek();
        next = -2;
        return c;
    }

    private static String clip(String s) {
        return "'" + (s.length() <= 40 ? s : s.substring(0, 40) + "…") + "'";
    }
}
