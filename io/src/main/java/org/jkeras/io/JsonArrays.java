package org.jkeras.io;

import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Arrays as JSON nested lists of numbers (or of strings, for text models), streamed with Gson's {@link JsonReader}.
 * NaN, Infinity and -Infinity are read and written as Python's json module does (they are not strict JSON); a 0-d
 * value reads as shape (1).
 */
public final class JsonArrays {
    private JsonArrays() {}

    /** One nested list (any depth, rectangular). */
    public static Tensor read(Path file) {
        try (JsonReader r = reader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (r.peek() == JsonToken.BEGIN_OBJECT) {
                throw new ArrayFileException(file + ": holds an object of named arrays, not one nested list");
            }
            FloatList values = new FloatList(file.toString(), 1024);
            int[] dims = readNested(r, values, file.toString());
            expectEnd(r, file.toString());
            return new Tensor(Shape.of(dims.length == 0 ? new int[] {1} : dims), values.toArray());
        } catch (MalformedJsonException | EOFException e) {
            throw malformed(file.toString(), e);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** One nested list of strings (a text model's input), or one string (shape (1)). */
    public static Tensor readStrings(Path file) {
        try (JsonReader r = reader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (r.peek() == JsonToken.BEGIN_OBJECT) {
                throw new ArrayFileException(file + ": holds an object of named arrays, not one nested list");
            }
            List<String> values = new ArrayList<>();
            int[] dims = readNestedStrings(r, values, file.toString());
            expectEnd(r, file.toString());
            return Tensor.ofStrings(values.toArray(new String[0]), dims.length == 0 ? new int[] {1} : dims);
        } catch (MalformedJsonException | EOFException e) {
            throw malformed(file.toString(), e);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** An object {@code {"name": nested-list, ...}}, in the file's key order. */
    public static LinkedHashMap<String, Tensor> readNamed(Path file) {
        try (JsonReader r = reader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ArrayFileException(file + ": expected an object {\"name\": nested list, ...}, found " + r.peek());
            }
            LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
            r.beginObject();
            while (r.hasNext()) {
                String key = r.nextName();
                String where = file + " key " + new JsonPrimitive(key);
                if (arrays.containsKey(key)) throw new ArrayFileException(where + ": appears twice");
                FloatList values = new FloatList(where, 1024);
                int[] dims = readNested(r, values, where);
                arrays.put(key, new Tensor(Shape.of(dims.length == 0 ? new int[] {1} : dims), values.toArray()));
            }
            r.endObject();
            expectEnd(r, file.toString());
            return arrays;
        } catch (MalformedJsonException | EOFException e) {
            throw malformed(file.toString(), e);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /**
     * JSON Lines: one sample (a nested list or a number) per line, stacked along a new first (batch) axis; see
     * {@link JsonLinesBatches} to read it in pieces.
     */
    public static Tensor readLines(Path file) {
        try (JsonLinesBatches lines = JsonLinesBatches.open(file, Integer.MAX_VALUE)) {
            if (!lines.hasNext()) throw new ArrayFileException(file + ": no samples");
            return lines.next();
        }
    }

    /** Nested lists, one batch element per line. */
    public static void write(Writer out, Tensor t) throws IOException {
        writeNested(out, t);
        out.write('\n');
    }

    /** An object of nested lists, in map order. */
    public static void writeNamed(Writer out, Map<String, Tensor> arrays) throws IOException {
        out.write('{');
        String sep = "";
        for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
            out.write(sep + new JsonPrimitive(a.getKey()) + ": ");
            writeNested(out, a.getValue());
            sep = ",\n";
        }
        out.write("}\n");
    }

    /** JSON Lines: one batch element per line. */
    public static void writeLines(Writer out, Tensor t) throws IOException {
        int[] dims = batched(t);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < dims[0]; r++) {
            b.setLength(0);
            append(b, dims, 1, t, r * t.rowSize());
            out.append(b).append('\n');
        }
    }

    /**
     * JSON Lines of several arrays: one object per batch element, {@code {"key": nested list, ...}} in map order,
     * each value the element's sample (a number where the sample is one). Every array must have the same rows.
     */
    public static void writeLines(Writer out, Map<String, Tensor> arrays) throws IOException {
        List<String> keys = new ArrayList<>();
        List<Tensor> tensors = new ArrayList<>();
        int rows = -1;
        for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
            keys.add(new JsonPrimitive(a.getKey()) + ": ");
            tensors.add(a.getValue());
            int n = batched(a.getValue())[0];
            if (rows >= 0 && n != rows) throw new ArrayFileException("'" + a.getKey() + "' has " + n + " rows, the arrays before it " + rows);
            rows = n;
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            b.setLength(0);
            b.append('{');
            for (int k = 0; k < keys.size(); k++) {
                Tensor t = tensors.get(k);
                b.append(k > 0 ? ", " : "").append(keys.get(k));
                append(b, batched(t), 1, t, r * t.rowSize());
            }
            out.append(b.append('}')).append('\n');
        }
    }

    /**
     * Writes one nested list a batch at a time, byte for byte as {@link #write} writes the concatenated batches:
     * {@link #append} each batch, then {@link #finish}.
     */
    public static final class ListWriter {
        private final Writer out;
        private long rows;
        private boolean finished;

        /** Starts the list on {@code out}. */
        public ListWriter(Writer out) throws IOException {
            this.out = out;
            out.write('[');
        }

        /** Appends the batch's elements to the list. */
        public void append(Tensor batch) throws IOException {
            int[] dims = batched(batch);
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < dims[0]; r++) {
                b.setLength(0);
                if (rows++ > 0) b.append(",\n");
                JsonArrays.append(b, dims, 1, batch, r * batch.rowSize());
                out.append(b);
            }
        }

        /** Closes the list (once; later calls do nothing); {@code out} is left open. */
        public void finish() throws IOException {
            if (finished) return;
            finished = true;
            out.write("]\n");
        }
    }

    private static void writeNested(Writer out, Tensor t) throws IOException {
        int[] dims = batched(t);
        StringBuilder b = new StringBuilder();
        out.write('[');
        for (int r = 0; r < dims[0]; r++) {
            b.setLength(0);
            if (r > 0) b.append(",\n");
            append(b, dims, 1, t, r * t.rowSize());
            out.append(b);
        }
        out.write(']');
    }

    /** The tensor's dims, a 0-d tensor taken as shape (1). */
    private static int[] batched(Tensor t) {
        return t.shape().rank() == 0 ? new int[] {1} : t.shape().dims();
    }

    /** Appends the sub-array of {@code t} at {@code axis} starting at {@code offset}; returns the offset after it. */
    private static int append(StringBuilder b, int[] dims, int axis, Tensor t, int offset) {
        if (axis == dims.length) {
            if (t.isString()) b.append(new JsonPrimitive(t.strings()[offset])); // a JSON string, escaped
            else b.append(t.data()[offset]); // Float.toString: exact round trip, and Python's NaN/Infinity spelling
            return offset + 1;
        }
        b.append('[');
        for (int i = 0; i < dims[axis]; i++) {
            if (i > 0) b.append(',');
            offset = append(b, dims, axis + 1, t, offset);
        }
        b.append(']');
        return offset;
    }

    static JsonReader reader(Reader in) {
        JsonReader r = new JsonReader(in);
        r.setStrictness(Strictness.LENIENT); // for NaN and Infinity
        return r;
    }

    /**
     * Reads one number or rectangular nested list into {@code out} and returns its shape. Iterative, with the
     * list lengths of each depth fixed by the first list there to close.
     */
    static int[] readNested(JsonReader r, FloatList out, String where) throws IOException {
        return readNested(r, where, "number", (json, counts, depth) -> {
            String text = json.nextString();
            try {
                out.add(Floats.parse(text));
            } catch (NumberFormatException e) {
                throw at(where, counts, depth, "'" + text + "' is not a number");
            }
        });
    }

    /** As {@link #readNested(JsonReader, FloatList, String)}, for a nested list of strings (a text model's input). */
    static int[] readNestedStrings(JsonReader r, List<String> out, String where) throws IOException {
        return readNested(r, where, "string", (json, counts, depth) -> {
            if (json.peek() != JsonToken.STRING) throw at(where, counts, depth, "a number where strings are expected");
            out.add(json.nextString());
        });
    }

    /** Reads one leaf value of a nested list (the reader at a number or string token). */
    private interface Leaf {
        void read(JsonReader r, int[] counts, int depth) throws IOException;
    }

    private static int[] readNested(JsonReader r, String where, String kind, Leaf leaf) throws IOException {
        List<Integer> dims = new ArrayList<>();
        int[] counts = new int[8]; // elements so far in the open list at each depth
        int depth = 0;
        int rank = -1; // depth of the numbers, once known
        do {
            JsonToken token = r.peek();
            if (token == JsonToken.BEGIN_ARRAY) {
                if (rank >= 0 && depth >= rank) throw at(where, counts, depth, "a list where the other elements are " + kind + "s");
                r.beginArray();
                if (depth == counts.length) counts = Arrays.copyOf(counts, 2 * depth);
                counts[depth] = 0;
                if (dims.size() == depth) dims.add(-1);
                depth++;
            } else if (token == JsonToken.END_ARRAY) {
                r.endArray();
                depth--;
                int n = counts[depth];
                if (dims.get(depth) < 0) {
                    dims.set(depth, n);
                } else if (dims.get(depth) != n) {
                    throw at(where, counts, depth, "a list of " + n + " elements where the others have " + dims.get(depth)
                            + " (ragged nested list)");
                }
                if (n == 0 && rank < 0) rank = depth + 1;
                if (depth > 0) counts[depth - 1]++;
            } else if (token == JsonToken.NUMBER || token == JsonToken.STRING) {
                if (rank < 0) rank = depth;
                else if (depth != rank) throw at(where, counts, depth, "a " + kind + " where the other elements are lists");
                leaf.read(r, counts, depth);
                if (depth > 0) counts[depth - 1]++;
            } else {
                throw at(where, counts, depth, "expected a " + kind + " or a list, found " + token);
            }
        } while (depth > 0);
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** An error at the element whose indices are {@code counts[0..depth)}, e.g. {@code [3][1]}. */
    private static ArrayFileException at(String where, int[] counts, int depth, String what) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) path.append('[').append(counts[i]).append(']');
        return new ArrayFileException(where + (depth > 0 ? " at " + path : "") + ": " + what);
    }

    static void expectEnd(JsonReader r, String where) throws IOException {
        if (r.peek() != JsonToken.END_DOCUMENT) throw new ArrayFileException(where + ": unexpected content after the array");
    }

    static ArrayFileException malformed(String where, IOException e) {
        String message = e.getMessage() == null ? "unexpected end" : e.getMessage().lines().findFirst().orElse("");
        return new ArrayFileException(where + ": malformed JSON: " + message, e);
    }
}
