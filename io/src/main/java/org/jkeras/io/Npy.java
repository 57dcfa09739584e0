package org.jkeras.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
 * NumPy {@code .npy} files, format versions 1.0 to 3.0 (numpy.lib.format). Reads numeric and boolean dtypes in C
 * order, converting to float32, and unicode strings ({@code <U…}, for a text model's string inputs) as strings, whole
 * ({@link #read}) or a batch of rows at a time ({@link NpyBatches}); writes little-endian float32, or {@code <U…}
 * for strings, in version 1.0, byte for byte as {@code np.save}.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy refuses headers over 10 kB unless told otherwise; this bound only keeps forged lengths harmless. */
    private static final int MAX_HEADER = 1 << 20;
    /** Bytes converted at a time; a multiple of every item size. */
    private static final int CHUNK = 1 << 20;

    private Npy() {}

    /** The whole array as float32 or strings (a 0-d array as shape (1)); see {@link NpyBatches} to read it a batch of rows at a time. */
    public static Tensor read(Path file) {
        try (FileChannel ch = FileChannel.open(file)) {
            // a pipe or device reports size 0: read it like a stream
            return read(ch, file.toString(), Files.isRegularFile(file) ? ch.size() : -1);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** Reads one array from the stream, consuming exactly its bytes; the stream is left open. */
    public static Tensor read(InputStream in, String nameForErrors) {
        try {
            return read(Channels.newChannel(in), nameForErrors, -1);
        } catch (IOException e) {
            throw ArrayFileException.io(nameForErrors, e);
        }
    }

    /** Writes the tensor as {@code np.save} does: little-endian float32, or {@code <U…} as wide as the longest string; format 1.0. */
    public static void write(Path file, Tensor t) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, t);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** Writes the tensor to {@code out} as {@link #write(Path, Tensor)} does; {@code out} is left open. */
    public static void write(OutputStream out, Tensor t) throws IOException {
        if (t.isString()) {
            writeStrings(out, t);
            return;
        }
        out.write(header(t.shape().dims()));
        float[] d = t.data();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, 4L * d.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < d.length; ) {
            int n = Math.min(d.length - off, buf.capacity() / 4);
            buf.clear();
            buf.asFloatBuffer().put(d, off, n);
            out.write(buf.array(), 0, n * 4);
            off += n;
        }
    }

    /** {@code <U n}: each string as n UTF-32LE code points, NUL padded, n the longest string's (at least 1). */
    private static void writeStrings(OutputStream out, Tensor t) throws IOException {
        String[] s = t.strings();
        int width = 1;
        for (String v : s) width = Math.max(width, v.codePointCount(0, v.length()));
        out.write(header(t.shape().dims(), "<U" + width));
        ByteBuffer item = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
        for (String v : s) {
            item.clear();
            v.codePoints().forEach(item::putInt);
            while (item.hasRemaining()) item.putInt(0);
            out.write(item.array());
        }
    }

    /** The magic, version 1.0, length and header dict of a float32 array. */
    static byte[] header(int[] dims) {
        return header(dims, "<f4");
    }

    /** The magic, version 1.0, length and header dict, laid out as NumPy's {@code _write_array_header}. */
    static byte[] header(int[] dims, String descr) {
        StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < dims.length; i++) h.append(i > 0 ? ", " : "").append(dims[i]);
        h.append(dims.length == 1 ? ",), }" : "), }");
        // NumPy leaves room to grow the first axis in place (GROWTH_AXIS_MAX_DIGITS = 21)
        if (dims.length > 0) h.append(" ".repeat(21 - String.valueOf(dims[0]).length()));
        // then pads with spaces and a newline so the data starts at a multiple of 64 bytes
        h.append(" ".repeat(64 - (10 + h.length() + 1) % 64)).append('\n');
        if (h.length() > 0xFFFF) throw new IllegalArgumentException("rank " + dims.length + " is too large for .npy 1.0");
        ByteBuffer b = ByteBuffer.allocate(10 + h.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length());
        b.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /**
     * @param size bytes in the source, or -1 when unknown (a stream). With a known size a forged shape is caught
     *     before allocating; with an unknown one the array grows only as data actually arrives.
     */
    private static Tensor read(ReadableByteChannel ch, String name, long size) throws IOException {
        Header h = Header.read(ch, name, size);
        if (h.dtype == Dtype.TEXT) return Tensor.ofStrings(readStrings(ch, h, h.count, buffer(h, h.count), size >= 0, name, 0), h.shape().dims());
        float[] data = readData(ch, h, h.count, buffer(h, h.count), size >= 0, name, 0);
        return new Tensor(h.shape(), data);
    }

    /** A buffer in the array's byte order for reading up to {@code items} items: at most {@link #CHUNK} bytes, at least one item. */
    static ByteBuffer buffer(Header h, long items) {
        return ByteBuffer.allocate((int) Math.max(h.itemSize(), Math.min(CHUNK, items * h.itemSize()))).order(h.order);
    }

    /** Reads the next {@code items} strings of a {@code U} array as {@link #readData} reads numbers. */
    static String[] readStrings(ReadableByteChannel ch, Header h, int items, ByteBuffer buf, boolean sized, String name, long before) throws IOException {
        int item = h.itemSize();
        long total = (long) items * item, unread = total;
        String[] out = new String[sized ? items : Math.min(items, Math.max(1, CHUNK / item))];
        buf.clear();
        int n = 0;
        StringBuilder b = new StringBuilder();
        while (unread > 0) {
            buf.limit((int) Math.min(buf.capacity(), buf.position() + unread));
            int r = ch.read(buf);
            if (r < 0) throw h.truncated(name, before + total - unread);
            unread -= r;
            buf.flip();
            int got = buf.remaining() / item;
            if (n + got > out.length) out = Arrays.copyOf(out, (int) Math.min(items, Math.max(n + got, 2L * out.length)));
            for (int k = 0; k < got; k++) {
                b.setLength(0);
                for (int c = 0; c < h.chars; c++) {
                    int cp = buf.getInt();
                    if (!Character.isValidCodePoint(cp) || cp >= 0xD800 && cp <= 0xDFFF) {
                        throw new ArrayFileException(name + ": string " + (n + k) + " holds " + Integer.toHexString(cp) + ", not a Unicode scalar value");
                    }
                    b.appendCodePoint(cp);
                }
                int end = b.length();
                while (end > 0 && b.charAt(end - 1) == 0) end--; // NumPy pads with NULs and drops trailing ones
                out[n + k] = b.substring(0, end);
            }
            n += got;
            buf.compact();
        }
        return out;
    }

    /**
     * Reads the next {@code items} items of the array as float32 through {@code buf} (from {@link #buffer}), never
     * reading past them: a stream may hold more after the array.
     *
     * @param sized  whether the source's size was checked against the header: if not, the array grows only as
     *               data arrives, so a forged shape cannot allocate more than the source holds
     * @param before bytes of data read before these items, for the message when the data ends early
     */
    static float[] readData(ReadableByteChannel ch, Header h, int items, ByteBuffer buf, boolean sized, String name, long before) throws IOException {
        int item = h.itemSize();
        long total = (long) items * item, unread = total;
        float[] out = new float[sized ? items : Math.min(items, CHUNK / item)];
        buf.clear();
        int n = 0;
        while (unread > 0) {
            buf.limit((int) Math.min(buf.capacity(), buf.position() + unread));
            int r = ch.read(buf);
            if (r < 0) throw h.truncated(name, before + total - unread);
            unread -= r;
            buf.flip();
            int got = buf.remaining() / item;
            if (n + got > out.length) out = Arrays.copyOf(out, (int) Math.min(items, Math.max(n + got, 2L * out.length)));
            h.dtype.convert(buf, out, n, got);
            n += got;
            buf.compact();
        }
        return out;
    }

    private static ByteBuffer readFully(ReadableByteChannel ch, int n, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        if (!fill(ch, b)) throw new ArrayFileException(name + ": truncated .npy file (it ends inside the header)");
        return b;
    }

    /** Reads until {@code b} is full or the source ends; false if it ended first. */
    private static boolean fill(ReadableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) return false;
        }
        return true;
    }

    enum Dtype {
        F4(4), F8(8), I1(1), I2(2), I4(4), I8(8), U1(1), U2(2), U4(4), U8(8), B1(1),
        /** Unicode strings, {@code <U n}: n UTF-32 code points each (the size is the Header's). */
        TEXT(0);

        final int size;

        Dtype(int size) {
            this.size = size;
        }

        /** Converts {@code n} items at the buffer's position (already in the file's byte order) into {@code out[off..]}. */
        void convert(ByteBuffer b, float[] out, int off, int n) {
            switch (this) {
                case F4 -> b.asFloatBuffer().get(out, off, n);
                case F8 -> {
                    DoubleBuffer v = b.asDoubleBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = (float) v.get(i);
                }
                case I2 -> {
                    ShortBuffer v = b.asShortBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = v.get(i);
                }
                case I4 -> {
                    IntBuffer v = b.asIntBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = v.get(i);
                }
                case I8 -> {
                    LongBuffer v = b.asLongBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = v.get(i);
                }
                case I1 -> {
                    for (int i = 0; i < n; i++) out[off + i] = b.get(b.position() + i);
                }
                case U1 -> {
                    for (int i = 0; i < n; i++) out[off + i] = b.get(b.position() + i) & 0xFF;
                }
                case U2 -> {
                    ShortBuffer v = b.asShortBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = v.get(i) & 0xFFFF;
                }
                case U4 -> {
                    IntBuffer v = b.asIntBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = v.get(i) & 0xFFFFFFFFL;
                }
                case U8 -> {
                    LongBuffer v = b.asLongBuffer();
                    for (int i = 0; i < n; i++) out[off + i] = unsignedToFloat(v.get(i));
                }
                case B1 -> {
                    for (int i = 0; i < n; i++) out[off + i] = b.get(b.position() + i) != 0 ? 1 : 0;
                }
                case TEXT -> throw new IllegalStateException("strings are read by readStrings");
            }
            b.position(b.position() + n * size);
        }
    }

    /**
     * An unsigned 64-bit integer rounded to the nearest float as NumPy's astype(float32) does: above 2<sup>63</sup>
     * it is halved keeping the lowest bit as a sticky bit, so the one rounding stays correct, then doubled exactly.
     */
    static float unsignedToFloat(long v) {
        return v >= 0 ? v : 2f * ((v >>> 1) | (v & 1));
    }

    /**
     * The parts of the header dict this reader uses, and where the data starts.
     *
     * @param dims  the array's shape as the file gives it (empty for a 0-d array)
     * @param count items in the array
     * @param chars code points per string of a {@code U} array; 0 for numbers
     */
    record Header(String descr, Dtype dtype, ByteOrder order, int[] dims, int count, long dataStart, int chars) {
        /** Bytes per item. */
        int itemSize() {
            return dtype == Dtype.TEXT ? 4 * chars : dtype.size;
        }

        /**
         * Reads the magic, version and header dict, leaving the channel at the first data byte. With a known
         * {@code size} (bytes in the source; -1 for a stream) a shape needing more data than the file holds is refused.
         */
        static Header read(ReadableByteChannel ch, String name, long size) throws IOException {
            ByteBuffer start = ByteBuffer.allocate(8);
            boolean complete = fill(ch, start);
            if (start.position() == 0) throw new ArrayFileException(name + ": empty file, not a .npy array");
            for (int i = 0; i < Math.min(start.position(), MAGIC.length); i++) {
                if (start.get(i) != MAGIC[i]) throw new ArrayFileException(name + ": not a .npy file (no \\x93NUMPY magic)");
            }
            if (!complete) throw new ArrayFileException(name + ": truncated .npy file (it ends inside the header)");
            int major = start.get(6), minor = start.get(7);
            if (major < 1 || major > 3 || minor != 0) {
                throw new ArrayFileException(name + ": unsupported .npy format version " + major + "." + minor);
            }
            ByteBuffer len = readFully(ch, major == 1 ? 2 : 4, name).order(ByteOrder.LITTLE_ENDIAN);
            long headerLen = major == 1 ? len.getShort(0) & 0xFFFF : len.getInt(0) & 0xFFFFFFFFL;
            long dataStart = 8 + len.capacity() + headerLen;
            if (size >= 0 && dataStart > size) {
                throw new ArrayFileException(name + ": .npy header length " + headerLen + " is larger than the file");
            }
            if (headerLen > MAX_HEADER) {
                throw new ArrayFileException(name + ": implausible .npy header length " + headerLen);
            }
            byte[] text = readFully(ch, (int) headerLen, name).array();
            Header h = parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), name, dataStart);
            if (size >= 0 && size - dataStart < (long) h.count * h.itemSize()) throw h.truncated(name, size - dataStart);
            return h;
        }

        /** The shape of the tensor read: a 0-d array becomes shape (1). */
        Shape shape() {
            return Shape.of(dims.length == 0 ? new int[] {1} : dims);
        }

        static Header parse(String text, String name, long dataStart) {
            if (!(new Literal(text, name).parse() instanceof Map<?, ?> dict)) {
                throw new ArrayFileException(name + ": .npy header is not a dictionary: " + Literal.clip(text));
            }
            for (String key : List.of("descr", "fortran_order", "shape")) {
                if (!dict.containsKey(key)) throw new ArrayFileException(name + ": .npy header lacks '" + key + "'");
            }
            if (!(dict.get("descr") instanceof String descr)) {
                throw new ArrayFileException(name + ": structured dtype " + dict.get("descr") + " is not supported");
            }
            if (!Boolean.FALSE.equals(dict.get("fortran_order"))) {
                throw new ArrayFileException(name + ": Fortran-order arrays are not supported; save with np.ascontiguousarray(x)");
            }
            if (!(dict.get("shape") instanceof List<?> shape)) {
                throw new ArrayFileException(name + ": .npy shape " + dict.get("shape") + " is not a tuple");
            }
            int[] dims = new int[shape.size()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                if (!(shape.get(i) instanceof BigInteger d) || d.signum() < 0 || d.bitLength() > 31) {
                    throw new ArrayFileException(name + ": .npy shape " + shape + " has an invalid dimension " + shape.get(i));
                }
                dims[i] = d.intValue();
                count = Math.min(count * dims[i], 1L << 31); // saturates, so the product cannot overflow a long
            }
            if (count > Integer.MAX_VALUE) {
                throw new ArrayFileException(name + ": .npy shape " + shape + " has more than 2^31-1 elements, too many to load");
            }
            String code = code(descr);
            if (code.matches("U[0-9]{1,9}")) {
                int chars = Integer.parseInt(code.substring(1));
                if (chars < 1 || chars > (1 << 24)) throw new ArrayFileException(name + ": dtype '" + descr + "': implausible string width");
                return new Header(descr, Dtype.TEXT, order(descr), dims, (int) count, dataStart, chars);
            }
            return new Header(descr, dtype(descr, name), order(descr), dims, (int) count, dataStart, 0);
        }

        private static String code(String descr) {
            return descr.isEmpty() || "<>|=".indexOf(descr.charAt(0)) < 0 ? descr : descr.substring(1);
        }

        private static Dtype dtype(String descr, String name) {
            String code = code(descr);
            for (Dtype t : Dtype.values()) {
                if (t != Dtype.TEXT && t.name().toLowerCase(java.util.Locale.ROOT).equals(code)) return t; // case matters: 'U1' is text, 'u1' uint8
            }
            if (code.startsWith("S") || code.startsWith("O")) {
                throw new ArrayFileException(name + ": dtype '" + descr + "' holds " + (code.startsWith("S") ? "bytes" : "Python objects")
                        + "; save strings as unicode (np.array(texts, dtype=str), dtype '<U…')");
            }
            throw new ArrayFileException(name + ": dtype '" + descr
                    + "' is not supported; use float32, float64, int8 to int64, uint8 to uint64 or bool");
        }

        private static ByteOrder order(String descr) {
            if (descr.startsWith("<")) return ByteOrder.LITTLE_ENDIAN;
            if (descr.startsWith(">")) return ByteOrder.BIG_ENDIAN;
            return ByteOrder.nativeOrder();
        }

        ArrayFileException truncated(String name, long present) {
            return new ArrayFileException(name + ": truncated: shape " + Shape.of(dims) + " of " + descr + " needs "
                    + (long) count * itemSize() + " bytes of data, the file has " + present);
        }
    }

    /** The Python literals NumPy writes in headers: dicts, tuples, lists, strings, integers, True/False/None. */
    private static final class Literal {
        private final String s;
        private final String name;
        private int i;

        Literal(String s, String name) {
            this.s = s;
            this.name = name;
        }

        Object parse() {
            Object v = value();
            space();
            if (i < s.length()) throw error("unexpected text after the dictionary");
            return v;
        }

        private Object value() {
            space();
            if (i >= s.length()) throw error("unexpected end");
            char c = s.charAt(i);
            return switch (c) {
                case '{' -> dict();
                case '(' -> sequence(')');
                case '[' -> sequence(']');
                case '\'', '"' -> string();
                default -> word();
            };
        }

        private Map<Object, Object> dict() {
            Map<Object, Object> m = new LinkedHashMap<>();
            i++;
            while (!closes('}')) {
                Object key = value();
                space();
                if (i >= s.length() || s.charAt(i++) != ':') throw error("expected ':'");
                m.put(key, value());
                separator('}');
            }
            return m;
        }

        private List<Object> sequence(char close) {
            List<Object> items = new ArrayList<>();
            i++;
            while (!closes(close)) {
                items.add(value());
                separator(close);
            }
            return items;
        }

        /** Consumes {@code close} if it comes next. */
        private boolean closes(char close) {
            space();
            if (i >= s.length()) throw error("missing '" + close + "'");
            if (s.charAt(i) != close) return false;
            i++;
            return true;
        }

        /** After an item: a comma, or the closing bracket left for {@link #closes}. */
        private void separator(char close) {
            space();
            if (i < s.length() && s.charAt(i) == ',') i++;
            else if (i < s.length() && s.charAt(i) != close) throw error("expected ',' or '" + close + "'");
        }

        private String string() {
            char quote = s.charAt(i++);
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != quote) {
                if (s.charAt(i) == '\\') i++;
                if (i < s.length()) b.append(s.charAt(i++));
            }
            if (i++ >= s.length()) throw error("unterminated string");
            return b.toString();
        }

        /** An integer (Python 2 wrote a trailing L), True, False, None or a u/b string prefix. */
        private Object word() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "+-_".indexOf(s.charAt(i)) >= 0)) i++;
            String w = s.substring(start, i);
            if (i < s.length() && (w.equals("u") || w.equals("b")) && (s.charAt(i) == '\'' || s.charAt(i) == '"')) return string();
            switch (w) {
                case "True": return Boolean.TRUE;
                case "False": return Boolean.FALSE;
                case "None": return null;
                default:
            }
            String digits = w.endsWith("L") || w.endsWith("l") ? w.substring(0, w.length() - 1) : w;
            try {
                return new BigInteger(digits);
            } catch (NumberFormatException e) {
                i = start;
                throw error("unexpected " + (w.isEmpty() ? "'" + s.charAt(i) + "'" : "'" + w + "'"));
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private ArrayFileException error(String what) {
            return new ArrayFileException(name + ": malformed .npy header at character " + i + ": " + what + " in " + clip(s));
        }

        static String clip(String text) {
            String t = text.strip();
            return t.length() > 200 ? t.substring(0, 200) + "..." : t;
        }
    }
}
