package org.jkeras.importer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.GlobalHeap;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;

/**
 * Small helpers over jHDF for what Keras writes: string attributes in every encoding Keras used. Keras encodes
 * names as UTF-8 but stores them under HDF5's ASCII character set ({@code layer_names}, {@code weight_names}: fixed
 * length in Keras 1/2, variable length in Keras 3's legacy {@code .h5}); jHDF decodes those as ASCII, turning
 * every non-ASCII byte into U+FFFD, so such attributes are decoded here from their bytes, as UTF-8.
 */
public final class Hdf5 {
    private Hdf5() {
    }

    /** A string attribute (fixed or variable length, ASCII or UTF-8), or null when absent. */
    public static String string(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) return null;
        List<String> l = strings(a);
        return l.isEmpty() ? null : l.get(0);
    }

    /**
     * A string-list attribute such as {@code layer_names} / {@code weight_names}; empty for Keras' empty float64 array;
     * null when absent. A list past HDF5's 64 KB attribute limit is split by Keras into {@code name0, name1, ...},
     * joined here as Keras' {@code load_attributes_from_hdf5_group} joins them.
     */
    public static List<String> strings(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a != null) return strings(a);
        if (node.getAttribute(name + "0") == null) return null;
        List<String> out = new ArrayList<>();
        for (int chunk = 0; (a = node.getAttribute(name + chunk)) != null; chunk++) out.addAll(strings(a));
        return out;
    }

    /** The strings of an attribute, flattened in C order; empty for a numeric attribute. */
    public static List<String> strings(Attribute a) {
        if (a.isEmpty()) return List.of();
        DataType t = a.getDataType();
        if (t instanceof StringData s && !StandardCharsets.UTF_8.equals(s.getCharset())) return fixedLength(a, s);
        if (t instanceof VariableLength v && v.isVariableLengthString() && !StandardCharsets.UTF_8.equals(v.getEncoding())) return variableLength(a, v);
        List<String> out = new ArrayList<>();
        flatten(a.getData(), out);
        return out;
    }

    private static void flatten(Object d, List<String> out) {
        if (d instanceof String s) {
            out.add(s);
        } else if (d instanceof byte[] b) {
            out.add(new String(b, StandardCharsets.UTF_8));
        } else if (d instanceof Object[] arr) {
            for (Object o : arr) flatten(o, out);
        }
        // numeric data (Keras writes an empty float64 array for "no weights"): no strings
    }

    /** Fixed-length strings, {@code size} bytes each, padded with NULs (or spaces). */
    private static List<String> fixedLength(Attribute a, StringData t) {
        ByteBuffer b = a.getBuffer().duplicate();
        int size = t.getSize();
        long n = a.getSize();
        if (size <= 0 || n * size > b.remaining()) throw new IllegalArgumentException("attribute '" + a.getName() + "' is shorter than its strings");
        boolean spaces = t.getPaddingType() == StringData.PaddingType.SPACE_PADDED;
        List<String> out = new ArrayList<>();
        byte[] bytes = new byte[size];
        for (long i = 0; i < n; i++) {
            b.get(bytes);
            int len = 0;
            while (len < size && bytes[len] != 0) len++;
            if (spaces) while (len > 0 && bytes[len - 1] == ' ') len--;
            out.add(new String(bytes, 0, len, StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Variable-length strings: each element is its length, then a global heap id (heap address, object index), as
     * jHDF's own reader takes them; the heap object holds the bytes.
     */
    private static List<String> variableLength(Attribute a, VariableLength t) {
        HdfBackingStorage storage = a.getNode().getHdfFile().getHdfBackingStorage();
        int offsets = storage.getSizeOfOffsets();
        int size = t.getSize();
        int skip = size - offsets - 4;
        ByteBuffer b = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long n = a.getSize();
        if (skip < 0 || n * size > b.remaining()) throw new IllegalArgumentException("attribute '" + a.getName() + "' is shorter than its strings");
        Map<Long, GlobalHeap> heaps = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            b.position(b.position() + skip);
            long address = 0;
            for (int k = 0; k < offsets; k++) address |= (b.get() & 0xffL) << (8 * k);
            int index = b.getInt();
            if (address == 0) { // a null string
                out.add("");
                continue;
            }
            ByteBuffer data = heaps.computeIfAbsent(address, ad -> new GlobalHeap(storage, ad)).getObjectData(index);
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            int len = bytes.length;
            while (len > 0 && bytes[len - 1] == 0) len--;
            out.add(new String(bytes, 0, len, StandardCharsets.UTF_8));
        }
        return out;
    }
}
