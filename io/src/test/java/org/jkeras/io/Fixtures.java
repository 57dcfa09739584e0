package org.jkeras.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Test data built by hand, independent of the code under test. */
final class Fixtures {
    /** Values that stress formatting and parsing: NaN, infinities, -0.0, subnormals and the extremes. */
    static final float[] SPECIAL = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL / 3, Float.MAX_VALUE, -Float.MAX_VALUE, 0.1f, 1.0f / 3, 16777217f, 1e-20f, -123.456f, 7f
    };

    private Fixtures() {}

    static Tensor special(int... dims) {
        return new Tensor(Shape.of(dims), SPECIAL.clone());
    }

    /** Exact float equality, bit for bit (NaN included). */
    static void assertSameTensor(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        assertArrayEquals(bits(expected.data()), bits(actual.data()));
    }

    static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) b[i] = Float.floatToRawIntBits(values[i]);
        return b;
    }

    /**
     * A .npy file following the format spec: magic, version, little-endian header length (2 bytes for 1.0,
     * 4 otherwise), the dict padded with spaces and a newline to a multiple of {@code align}, then the data.
     */
    static byte[] npy(int major, String dict, byte[] data, int align) {
        int lenBytes = major == 1 ? 2 : 4;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int unpadded = 8 + lenBytes + text.length + 1;
        int pad = (align - unpadded % align) % align;
        ByteBuffer b = ByteBuffer.allocate(unpadded + pad + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) (text.length + pad + 1));
        else b.putInt(text.length + pad + 1);
        b.put(text).put(" ".repeat(pad).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n').put(data);
        return b.array();
    }

    static byte[] npy(int major, String dict, byte[] data) {
        return npy(major, dict, data, 64);
    }

    static byte[] npyHeader(String dict) {
        return npy(1, dict, new byte[0]);
    }

    /** Little-endian float32 bytes. */
    static byte[] f4(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.write(p);
        return out.toByteArray();
    }
}
