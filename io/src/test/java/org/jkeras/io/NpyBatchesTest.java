package org.jkeras.io;

import static org.jkeras.io.Fixtures.assertSameTensor;
import static org.jkeras.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A .npy read a batch of rows at a time gives what reading it whole gives, bit for bit. */
class NpyBatchesTest {
    @TempDir
    Path dir;

    /** Every dtype and byte order, random bytes (any bit pattern, NaN payloads included), batch sizes that divide the rows and that leave a last partial batch. */
    @ParameterizedTest
    @ValueSource(strings = {"<f4", ">f4", "<f8", ">f8", "|i1", "<i2", ">i2", "<i4", ">i4", "<i8", ">i8", "|u1", "<u2", ">u2", "<u4", ">u4",
        "<u8", ">u8", "|b1"})
    void batchesJoinedAreTheWholeArray(String descr) throws IOException {
        int item = descr.charAt(2) - '0';
        int[] dims = {7, 3, 2};
        byte[] data = new byte[7 * 3 * 2 * item];
        new Random(descr.hashCode()).nextBytes(data);
        Path p = dir.resolve("x.npy");
        Files.write(p, npy(1, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (7, 3, 2), }", data));
        Tensor whole = Npy.read(p);
        assertEquals(Shape.of(dims), whole.shape());
        for (int rows : new int[] {1, 2, 3, 7, 8, 1024}) {
            List<Tensor> batches = new ArrayList<>();
            try (NpyBatches b = NpyBatches.open(p, rows)) {
                assertEquals(Shape.of(dims), b.shape());
                while (b.hasNext()) batches.add(b.next());
                assertEquals(Files.size(p), b.bytesRead(), "every byte consumed");
            }
            int[] sizes = batches.stream().mapToInt(Tensor::batch).toArray();
            int[] expected = new int[(7 + rows - 1) / rows];
            Arrays.fill(expected, rows);
            expected[expected.length - 1] = 7 - rows * (expected.length - 1);
            assertArrayEquals(expected, sizes, "batch sizes for " + rows + " rows a batch");
            for (Tensor t : batches) assertEquals(Shape.of(t.batch(), 3, 2), t.shape());
            assertSameTensor(whole, join(batches));
        }
    }

    @Test
    void stringsComeInBatchesToo() throws IOException {
        String[] texts = new String[2500];
        for (int i = 0; i < texts.length; i++) texts[i] = "text " + i + (i % 7 == 0 ? " 日本😀" : "");
        Tensor whole = Tensor.ofStrings(texts, 2500, 1);
        Path p = dir.resolve("t.npy");
        Npy.write(p, whole);
        List<String> joined = new ArrayList<>();
        try (NpyBatches b = NpyBatches.open(p, 1000)) {
            while (b.hasNext()) {
                Tensor t = b.next();
                assertEquals(Shape.of(t.batch(), 1), t.shape());
                joined.addAll(List.of(t.strings()));
            }
            assertEquals(Files.size(p), b.bytesRead());
        }
        assertEquals(List.of(texts), joined);
    }

    @Test
    void arraysWithoutRowsOrAxesAndVersion2() throws IOException {
        Path p = dir.resolve("x.npy");
        // a 0-d array is one row of shape (1), as Npy.read gives it
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", Fixtures.f4(2.5f)));
        assertSameTensor(Tensor.of(new float[] {2.5f}, 1), only(p, 4));
        // an array without rows: one empty batch
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 5), }", new byte[0]));
        assertSameTensor(Tensor.zeros(Shape.of(0, 5)), only(p, 4));
        // rows of no values
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 0), }", new byte[0]));
        assertSameTensor(Tensor.zeros(Shape.of(3, 0)), only(p, 4));
        // a 1-d array, format 2.0, in batches of 2
        Files.write(p, npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", Fixtures.f4(1, 2, 3, 4, 5)));
        try (NpyBatches b = NpyBatches.open(p, 2)) {
            assertSameTensor(Tensor.of(new float[] {1, 2}, 2), b.next());
            assertSameTensor(Tensor.of(new float[] {3, 4}, 2), b.next());
            assertSameTensor(Tensor.of(new float[] {5}, 1), b.next());
            assertFalse(b.hasNext());
        }
    }

    private static Tensor only(Path p, int rows) {
        try (NpyBatches b = NpyBatches.open(p, rows)) {
            Tensor t = b.next();
            assertFalse(b.hasNext());
            return t;
        }
    }

    @Test
    void aStreamOfUnknownSizeIsReadInBatchesAndATruncatedOneFailsCleanly() throws IOException {
        byte[] data = new byte[10 * 4 * 4];
        new Random(3).nextBytes(data);
        byte[] file = npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (10, 4), }", data);
        Tensor whole = Npy.read(new ByteArrayInputStream(file), "whole");
        List<Tensor> batches = new ArrayList<>();
        NpyBatches b = new NpyBatches(Channels.newChannel(new NpyTest.Trickle(new ByteArrayInputStream(file), 5)), "pipe", -1, 3);
        while (b.hasNext()) batches.add(b.next());
        assertSameTensor(whole, join(batches));

        byte[] cut = Arrays.copyOf(file, file.length - 10);
        NpyBatches t = new NpyBatches(Channels.newChannel(new ByteArrayInputStream(cut)), "pipe", -1, 3);
        t.next();
        t.next();
        t.next();
        ArrayFileException e = assertThrows(ArrayFileException.class, t::next);
        assertEquals("pipe: truncated: shape (10, 4) of >f4 needs 160 bytes of data, the file has 150", e.getMessage());
    }

    @Test
    void refusesWhatNpyReadRefusesWhenOpened() throws IOException {
        Path p = dir.resolve("bad.npy");
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", Fixtures.f4(1, 2, 3, 4)));
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> NpyBatches.open(p, 1));
        assertTrue(e.getMessage().startsWith(p + ": Fortran-order arrays are not supported"), e.getMessage());
        Files.write(p, npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 2), }", Fixtures.f4(1, 2, 3, 4)));
        e = assertThrows(ArrayFileException.class, () -> NpyBatches.open(p, 1));
        assertEquals(p + ": truncated: shape (1000, 2) of <f4 needs 8000 bytes of data, the file has 16", e.getMessage());
        e = assertThrows(ArrayFileException.class, () -> NpyBatches.open(dir.resolve("missing.npy"), 1));
        assertEquals(dir.resolve("missing.npy") + ": no such file", e.getMessage());
    }

    private static Tensor join(List<Tensor> batches) {
        int rows = 0, size = 0;
        for (Tensor t : batches) {
            rows += t.batch();
            size += t.size();
        }
        float[] data = new float[size];
        int at = 0;
        for (Tensor t : batches) {
            System.arraycopy(t.data(), 0, data, at, t.size());
            at += t.size();
        }
        int[] dims = batches.get(0).shape().dims();
        dims[0] = rows;
        return new Tensor(Shape.of(dims), data);
    }
}
