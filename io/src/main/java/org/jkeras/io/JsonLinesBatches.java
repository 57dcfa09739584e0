package org.jkeras.io;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.MalformedJsonException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Reads JSON Lines a batch at a time: one sample (a nested list or a number; for a text model's string input a string
 * or a nested list of strings) per line, stacked along a new first (batch) axis, at most {@code maxRows} samples per
 * tensor, so a file larger than memory can be scored in pieces. Blank lines are skipped; every sample must have the
 * shape of the first.
 */
public final class JsonLinesBatches implements Iterator<Tensor>, Closeable {
    private final BufferedReader in;
    private final String name;
    private final int maxRows;
    private final boolean text;
    private int[] sample;
    private int firstLineNo;
    private int lineNo;
    /** The next non-blank line, not yet parsed; null at the end. */
    private String pending;
    private int pendingLineNo;

    /** Reads numbers from {@code reader} up to the first sample; errors name the source as {@code nameForErrors}. */
    public JsonLinesBatches(Reader reader, String nameForErrors, int maxRows) {
        this(reader, nameForErrors, maxRows, false);
    }

    /** Reads numbers, or strings when {@code text}, from {@code reader} up to the first sample. */
    public JsonLinesBatches(Reader reader, String nameForErrors, int maxRows, boolean text) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.name = nameForErrors;
        this.maxRows = maxRows;
        this.text = text;
        advance();
    }

    /** Opens a UTF-8 file; I/O failures name the file. */
    public static JsonLinesBatches open(Path file, int maxRows) {
        return Readers.build(Readers.utf8(file), r -> new JsonLinesBatches(r, file.toString(), maxRows));
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public Tensor next() {
        if (pending == null) throw new NoSuchElementException(name + ": no more samples");
        FloatList values = text ? null : new FloatList(name, sample == null ? 1024 : (int) Math.min(1 << 20, (long) Math.min(maxRows, 1024) * Math.max(1, size(sample))));
        List<String> strings = text ? new ArrayList<>() : null;
        int rows = 0;
        do {
            String where = name + " line " + pendingLineNo;
            int[] dims;
            try (JsonReader r = JsonArrays.reader(new StringReader(pending))) {
                dims = text ? JsonArrays.readNestedStrings(r, strings, where) : JsonArrays.readNested(r, values, where);
                JsonArrays.expectEnd(r, where);
            } catch (MalformedJsonException | EOFException e) {
                throw JsonArrays.malformed(where, e);
            } catch (IOException e) {
                throw ArrayFileException.io(name, e);
            }
            if (sample == null) {
                sample = dims;
                firstLineNo = pendingLineNo;
            } else if (!Arrays.equals(sample, dims)) {
                throw new ArrayFileException(where + ": sample of shape " + Shape.of(dims) + ", line " + firstLineNo + " has shape " + Shape.of(sample));
            }
            rows++;
            advance();
        } while (pending != null && rows < maxRows);
        Shape shape = Shape.of(sample).prepend(rows);
        return text ? Tensor.ofStrings(strings.toArray(new String[0]), shape.dims()) : new Tensor(shape, values.toArray());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    private static long size(int[] dims) {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    private void advance() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
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
}
