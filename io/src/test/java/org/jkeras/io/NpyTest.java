package org.jkeras.io;

import static org.jkeras.io.Fixtures.assertSameTensor;
import static org.jkeras.io.Fixtures.concat;
import static org.jkeras.io.Fixtures.f4;
import static org.jkeras.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsSpecialValuesThroughFileAndStream() throws IOException {
        Tensor t = Fixtures.special(2, 4, 2);
        Path file = dir.resolve("x.npy");
        Npy.write(file, t);
        assertSameTensor(t, Npy.read(file));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, t);
        assertSameTensor(t, Npy.read(new ByteArrayInputStream(out.toByteArray()), "mem"));
    }

    @Test
    void roundTripsArraysLargerThanOneChunk() throws IOException {
        float[] v = new float[700_001];
        Random rnd = new Random(1);
        for (int i = 0; i < v.length; i++) v[i] = Float.intBitsToFloat(rnd.nextInt());
        Tensor t = Tensor.of(v, 700_001);
        Path file = dir.resolve("big.npy");
        Npy.write(file, t);
        assertSameTensor(t, Npy.read(file));
        assertSameTensor(t, Npy.read(new Trickle(Files.newInputStream(file), 65_537), "stream"));
    }

    @Test
    void roundTripsEmptyAndSingleValueShapes() throws IOException {
        for (Shape s : List.of(Shape.of(0), Shape.of(3, 0, 2), Shape.of(1), Shape.of(1, 1, 1, 1))) {
            Tensor t = Tensor.zeros(s);
            Path file = dir.resolve("s.npy");
            Npy.write(file, t);
            assertSameTensor(t, Npy.read(file));
        }
    }

    /** The header np.save writes: version 1.0, the dict, growth spaces, padded to 64 bytes with a final newline. */
    @Test
    void writesTheHeaderAsNumPyDoes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        byte[] b = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, java.util.Arrays.copyOf(b, 8));
        int headerLen = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(118, headerLen); // 10 + 118 = 128, the size np.save gives this array's header
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n", header);
        assertEquals(128 + 24, b.length);
        assertArrayEquals(f4(1, 2, 3, 4, 5, 6), java.util.Arrays.copyOfRange(b, 128, b.length));
    }

    static Stream<Arguments> dtypes() {
        List<Arguments> cases = new ArrayList<>();
        for (int version : new int[] {1, 2}) {
            for (String order : List.of("<", ">")) {
                cases.add(arguments(version, order + "f4", new Number[] {1.5f, -2.25f, Float.MIN_VALUE, -0.0f},
                        new float[] {1.5f, -2.25f, Float.MIN_VALUE, -0.0f}));
                cases.add(arguments(version, order + "f8", new Number[] {0.1, -1e300, 1e-300, 2.5},
                        new float[] {0.1f, Float.NEGATIVE_INFINITY, 0f, 2.5f}));
                cases.add(arguments(version, order + "i4", new Number[] {-7, 123456789, Integer.MIN_VALUE, 0},
                        new float[] {-7f, 123456792f, -0x1p31f, 0f}));
                cases.add(arguments(version, order + "i8", new Number[] {-1L, 1L << 40, Long.MAX_VALUE, 3L},
                        new float[] {-1f, 0x1p40f, 0x1p63f, 3f}));
                cases.add(arguments(version, order + "i2", new Number[] {-32768, 32767, 5, 0},
                        new float[] {-32768f, 32767f, 5f, 0f}));
            }
            for (String descr : List.of("<u1", "|u1")) {
                cases.add(arguments(version, descr, new Number[] {0, 255, 128, 7}, new float[] {0f, 255f, 128f, 7f}));
            }
            cases.add(arguments(version, "|i1", new Number[] {-128, 127, 0, -1}, new float[] {-128f, 127f, 0f, -1f}));
            for (String order : List.of("<", ">")) {
                cases.add(arguments(version, order + "u2", new Number[] {0, 65535, 32768, 7}, new float[] {0f, 65535f, 32768f, 7f}));
                // 4294967295 rounds to 2^32; 16777217 to 16777216 (ties to even)
                cases.add(arguments(version, order + "u4", new Number[] {0, -1, 1 << 31, 16777217}, new float[] {0f, 0x1p32f, 0x1p31f, 16777216f}));
                // above 2^63: 2^64-1 rounds to 2^64; 2^63 + 2^39 is halfway between floats (ties to even: down), one more rounds up
                cases.add(arguments(version, order + "u8", new Number[] {-1L, Long.MIN_VALUE + (1L << 39), Long.MIN_VALUE + (1L << 39) + 1, 5L},
                        new float[] {0x1p64f, 0x1p63f, 0x1p63f + 0x1p40f, 5f}));
            }
            cases.add(arguments(version, "|b1", new Number[] {0, 1, 1, 0}, new float[] {0f, 1f, 1f, 0f}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "v{0} {1}")
    @MethodSource("dtypes")
    void readsEveryDtypeAndByteOrder(int version, String descr, Number[] values, float[] expected) throws IOException {
        byte[] file = npy(version, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2, 2), }", encode(descr, values));
        Path p = dir.resolve("d.npy");
        Files.write(p, file);
        Tensor t = Npy.read(p);
        assertEquals(Shape.of(2, 2), t.shape());
        assertArrayEquals(Fixtures.bits(expected), Fixtures.bits(t.data()));
        // the same through a stream that hands over a byte or two at a time, splitting items
        assertArrayEquals(Fixtures.bits(expected), Fixtures.bits(Npy.read(new Trickle(new ByteArrayInputStream(file), 3), "s").data()));
    }

    private static byte[] encode(String descr, Number[] values) {
        int size = descr.charAt(2) - '0';
        ByteBuffer b = ByteBuffer.allocate(size * values.length)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (Number v : values) {
            switch (descr.substring(1)) {
                case "f4" -> b.putFloat(v.floatValue());
                case "f8" -> b.putDouble(v.doubleValue());
                case "i2", "u2" -> b.putShort(v.shortValue());
                case "i4", "u4" -> b.putInt(v.intValue());
                case "i8", "u8" -> b.putLong(v.longValue());
                default -> b.put(v.byteValue());
            }
        }
        return b.array();
    }

    @Test
    void readsVersion3WithAUtf8Header() throws IOException {
        Path p = dir.resolve("v3.npy");
        Files.write(p, npy(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'note': 'é✓'}", f4(1, 2)));
        assertArrayEquals(new float[] {1, 2}, Npy.read(p).data());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"shape\": (1, 2), \"fortran_order\": False, \"descr\": \"<f4\"}",
        "{ 'descr' : '<f4' ,\n 'fortran_order' : False , 'shape' : ( 1 , 2 , ) , }",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (1L, 2L), }",
        "{u'descr': u'<f4', u'fortran_order': False, u'shape': (1, 2)}",
        "{'descr':'<f4','fortran_order':False,'shape':(1,2)}",
        "{'descr': '<f4', 'fortran_order': False, 'shape': [1, 2], }",
    })
    void parsesHeaderVariants(String dict) throws IOException {
        Path p = dir.resolve("h.npy");
        Files.write(p, npy(1, dict, f4(3, 4)));
        Tensor t = Npy.read(p);
        assertEquals(Shape.of(1, 2), t.shape());
        assertArrayEquals(new float[] {3, 4}, t.data());
    }

    @Test
    void readsOldSixteenByteAlignment() throws IOException {
        Path p = dir.resolve("old.npy");
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4(5, 6), 16));
        assertArrayEquals(new float[] {5, 6}, Npy.read(p).data());
    }

    @Test
    void zeroDimensionalArraysBecomeShapeOne() throws IOException {
        Path p = dir.resolve("scalar.npy");
        Files.write(p, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(2.5).array()));
        Tensor t = Npy.read(p);
        assertEquals(Shape.of(1), t.shape());
        assertEquals(2.5f, t.data()[0]);
    }

    /** What np.save(np.array([['a', 'héllo'], ['日本😀', '']])) writes, byte for byte. */
    private static final String NUMPY_U5 = "93" + "4e554d5059" + "0100" + "7600"
            + hex("{'descr': '<U5', 'fortran_order': False, 'shape': (2, 2), }" + " ".repeat(58) + "\n")
            + "610000000000000000000000000000000000000068000000e90000006c0000006c0000006f000000"
            + "e56500002c67000000f6010000000000000000000000000000000000000000000000000000000000";

    @Test
    void unicodeStringsReadAndWriteAsNumPyDoes() throws IOException {
        byte[] numpy = java.util.HexFormat.of().parseHex(NUMPY_U5);
        Tensor t = Npy.read(new ByteArrayInputStream(numpy), "u5");
        assertTrue(t.isString());
        assertEquals(Shape.of(2, 2), t.shape());
        assertArrayEquals(new String[] {"a", "héllo", "日本😀", ""}, t.strings());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, t);
        assertArrayEquals(numpy, out.toByteArray());
        // NumPy drops trailing NULs only: np.array(['a\x00b', 'c\x00']) reads back as ['a\x00b', 'c']
        byte[] nul = npy(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }",
                java.util.HexFormat.of().parseHex("610000000000000062000000630000000000000000000000"));
        assertArrayEquals(new String[] {"a\u0000b", "c"}, Npy.read(new ByteArrayInputStream(nul), "nul").strings());
        Path file = dir.resolve("s.npy");
        Npy.write(file, Tensor.ofStrings(new String[] {"", ""}, 2));
        assertArrayEquals(new String[] {"", ""}, Npy.read(file).strings()); // written as '<U1'
    }

    private static String hex(String ascii) {
        return java.util.HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsConsecutiveArraysFromOneStream() throws IOException {
        byte[] two = concat(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", f4(1)),
                npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4(2, 3)));
        InputStream in = new ByteArrayInputStream(two);
        assertArrayEquals(new float[] {1}, Npy.read(in, "s").data());
        assertArrayEquals(new float[] {2, 3}, Npy.read(in, "s").data());
        assertEquals(-1, in.read());
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                arguments("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", "Fortran-order"),
                arguments("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", "dtype '<c8' is not supported"),
                arguments("{'descr': '<f2', 'fortran_order': False, 'shape': (2,), }", "dtype '<f2' is not supported"),
                arguments("{'descr': '<U5', 'fortran_order': False, 'shape': (2,), }", "needs 40 bytes of data, the file has 8"),
                // 'U1' (one-character strings) is not 'u1' (uint8): the codes differ only in case; 1.0f is no code point
                arguments("{'descr': '<U1', 'fortran_order': False, 'shape': (2,), }", "3f800000, not a Unicode scalar value"),
                arguments("{'descr': '|S3', 'fortran_order': False, 'shape': (2,), }", "dtype '|S3' holds bytes; save strings as unicode"),
                arguments("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", "holds Python objects"),
                arguments("{'descr': '<I4', 'fortran_order': False, 'shape': (2,), }", "dtype '<I4' is not supported"),
                arguments("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", "structured dtype"),
                arguments("{'descr': '<f4', 'fortran_order': False}", "lacks 'shape'"),
                arguments("{'descr': '<f4', 'shape': (2,)}", "lacks 'fortran_order'"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)", "missing '}'"),
                arguments("{'descr' '<f4', 'fortran_order': False, 'shape': (2,)}", "expected ':'"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,)}", "malformed .npy header"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': 2}", "is not a tuple"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': ('2',)}", "invalid dimension"),
                arguments("{'descr': '<f4, 'fortran_order': False, 'shape': (2,)}", "malformed .npy header"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} extra", "unexpected text"),
                arguments("['descr', '<f4']", "not a dictionary"),
                arguments("", "unexpected end"),
                // forged shapes: negative, beyond an int, overflowing products, more than the file holds
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 2), }", "invalid dimension -1"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (2147483648,), }", "invalid dimension 2147483648"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }", "invalid dimension"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", "more than 2^31-1 elements"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647, 2147483647, 3), }",
                        "more than 2^31-1 elements"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000,), }", "needs 4000000000 bytes of data, the file has 8"),
                arguments("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647,), }", "needs 17179869176 bytes"),
                arguments("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "needs 12 bytes of data, the file has 8"));
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void rejectsBadHeadersAndForgedShapesByFileAndStream(String dict, String expected) throws IOException {
        byte[] bytes = npy(1, dict, f4(1, 2));
        Path p = dir.resolve("bad.npy");
        Files.write(p, bytes);
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().startsWith(p + ": ") && e.getMessage().contains(expected), e.getMessage());
        // a stream has no size to check up front: the array must still fail cleanly, not allocate the forged size
        ArrayFileException s = assertThrows(ArrayFileException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "in"));
        assertTrue(s.getMessage().startsWith("in: "), s.getMessage());
    }

    @Test
    void rejectsBadPreambles() throws IOException {
        byte[] good = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4(1, 2));
        byte[] badMagic = good.clone();
        badMagic[1] = 'X';
        byte[] version4 = good.clone();
        version4[6] = 4;
        byte[] version11 = good.clone();
        version11[7] = 1;
        byte[] hugeHeader = npy(2, "{}", new byte[0]);
        ByteBuffer.wrap(hugeHeader).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0xFFFFFFF0);
        String[][] cases = {
            {"not a .npy file"}, {"unsupported .npy format version 4.0"}, {"unsupported .npy format version 1.1"},
            {"header length 4294967280 is larger than the file"}, {"header length 118 is larger than the file"},
            {"ends inside the header"}, {"empty file"},
        };
        byte[][] files = {badMagic, version4, version11, hugeHeader, java.util.Arrays.copyOf(good, 40), java.util.Arrays.copyOf(good, 9),
            new byte[0]};
        for (int i = 0; i < files.length; i++) {
            Path p = dir.resolve("pre" + i + ".npy");
            Files.write(p, files[i]);
            ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npy.read(p));
            assertTrue(e.getMessage().contains(cases[i][0]), e.getMessage());
        }
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npy.read(new ByteArrayInputStream(hugeHeader), "in"));
        assertTrue(e.getMessage().contains("implausible .npy header length"), e.getMessage());
        byte[] cut = java.util.Arrays.copyOf(good, 40);
        e = assertThrows(ArrayFileException.class, () -> Npy.read(new ByteArrayInputStream(cut), "in"));
        assertEquals("in: truncated .npy file (it ends inside the header)", e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path p = dir.resolve("missing.npy");
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npy.read(p));
        assertEquals(p + ": no such file", e.getMessage());
    }

    /** Hands over at most {@code max} bytes per read, as a network or zip stream may. */
    static final class Trickle extends FilterInputStream {
        private final int max;

        Trickle(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }
    }
}
