package org.jkeras.io;

import static org.jkeras.io.Fixtures.assertSameTensor;
import static org.jkeras.io.Fixtures.f4;
import static org.jkeras.io.Fixtures.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsTwoArraysInOrderAsStoredEntries() throws IOException {
        LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("zeta", Fixtures.special(4, 4));
        arrays.put("alpha", Tensor.of(new float[] {1, 2, 3}, 3));
        Path file = dir.resolve("x.npz");
        try (OutputStream out = Files.newOutputStream(file)) {
            Npz.write(out, arrays);
        }
        LinkedHashMap<String, Tensor> back = Npz.read(file);
        assertEquals(List.of("zeta", "alpha"), List.copyOf(back.keySet()));
        assertSameTensor(arrays.get("zeta"), back.get("zeta"));
        assertSameTensor(arrays.get("alpha"), back.get("alpha"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry("zeta.npy");
            assertEquals(ZipEntry.STORED, e.getMethod());
        }
    }

    @Test
    void readsDeflatedEntriesAsSavezCompressedWrites() throws IOException {
        Path file = zip("c.npz", Map.of("a.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", f4(7, 8))), true);
        assertArrayEquals(new float[] {7, 8}, Npz.read(file).get("a").data());
    }

    @Test
    void rejectsTraversalNames() throws IOException {
        byte[] a = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", f4(1));
        for (String name : List.of("../evil.npy", "dir/a.npy", "..\\evil.npy", ".npy")) {
            Path file = zip("t.npz", Map.of(name, a), false);
            ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npz.read(file));
            assertTrue(e.getMessage().contains("not a valid array name"), e.getMessage());
        }
        assertThrows(ArrayFileException.class, () -> Npz.write(new ByteArrayOutputStream(), Map.of("a/b", Tensor.zeros(Shape.of(1)))));
    }

    @Test
    void forgedShapeInAnEntryFailsCleanly() throws IOException {
        Path file = zip("f.npz", Map.of("a.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2000000000,), }", f4(1))), true);
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().contains("entry 'a.npy': truncated"), e.getMessage());
    }

    @Test
    void rejectsAnEntryClaimingMoreThanTheArchiveHolds() throws IOException {
        Path file = zip("s.npz", Map.of("a.npy", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", f4(1))), false);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.length; i++) {
            if (buf.getInt(i) == 0x02014b50) { // central directory header: sizes at +20 (compressed) and +24
                buf.putInt(i + 20, 0x7FFFFFF0).putInt(i + 24, 0x7FFFFFF0);
            }
        }
        Files.write(file, b);
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npz.read(file));
        assertEquals(file + " entry 'a.npy': absurd size 2147483632 bytes", e.getMessage());
    }

    @Test
    void namesTheEntryThatIsNotAnArray() throws IOException {
        Path file = zip("n.npz", Map.of("notes.txt", "hello".getBytes()), false);
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npz.read(file));
        assertEquals(file + " entry 'notes.txt': not a .npy file (no \\x93NUMPY magic)", e.getMessage());
    }

    @Test
    void rejectsFilesThatAreNotZips() throws IOException {
        Path file = dir.resolve("bad.npz");
        Files.write(file, "not a zip".getBytes());
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Npz.read(file));
        assertTrue(e.getMessage().startsWith(file + ": not a valid .npz"), e.getMessage());
    }

    private Path zip(String name, Map<String, byte[]> entries, boolean deflate) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setMethod(deflate ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                if (!deflate) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    z.setSize(e.getValue().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
