package org.jkeras.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jkeras.runtime.Tensor;

/** NumPy {@code .npz} archives: a zip of {@code .npy} files, one per named array, as np.savez writes them. */
public final class Npz {
    /** Deflate cannot expand data more than about 1032-fold; an entry claiming more is forged. */
    private static final int MAX_DEFLATE_RATIO = 1032;

    private Npz() {}

    /** The arrays in archive order, named without the {@code .npy} suffix. */
    public static LinkedHashMap<String, Tensor> read(Path file) {
        LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long archiveSize = Files.size(file);
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String where = file + " entry '" + e.getName() + "'";
                String name = arrayName(e.getName(), where);
                long limit = e.getMethod() == ZipEntry.STORED ? archiveSize
                        : MAX_DEFLATE_RATIO * Math.max(0, e.getCompressedSize()) + 1024;
                if (e.getSize() > limit) throw new ArrayFileException(where + ": absurd size " + e.getSize() + " bytes");
                if (arrays.containsKey(name)) throw new ArrayFileException(where + ": a second array named '" + name + "'");
                try (InputStream in = zip.getInputStream(e)) {
                    arrays.put(name, Npy.read(in, where));
                }
            }
        } catch (ZipException e) {
            throw new ArrayFileException(file + ": not a valid .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
        return arrays;
    }

    /** Writes uncompressed entries {@code name.npy} in map order; finishes the archive but leaves {@code out} open. */
    public static void write(OutputStream out, Map<String, Tensor> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
            arrayName(a.getKey(), "array name '" + a.getKey() + "'");
            // a stored entry needs its size and CRC up front: compute them by writing once to a sink
            CRC32 crc = new CRC32();
            long[] size = {0};
            Npy.write(new OutputStream() {
                @Override
                public void write(int b) {
                    crc.update(b);
                    size[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    crc.update(b, off, len);
                    size[0] += len;
                }
            }, a.getValue());
            ZipEntry e = new ZipEntry(a.getKey() + ".npy");
            e.setMethod(ZipEntry.STORED);
            e.setSize(size[0]);
            e.setCompressedSize(size[0]);
            e.setCrc(crc.getValue());
            e.setExtra(unicodePath(e.getName()));
            zip.putNextEntry(e);
            Npy.write(zip, a.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * The Info-ZIP Unicode Path extra field (0x7075: version 1, CRC-32 of the header name, the name in UTF-8).
     * Java marks non-ASCII names as UTF-8 with flag bit 11 but records an MS-DOS host, so {@code unzip} decodes them
     * as code page 437 unless this field is present; NumPy and Java read the flag either way.
     */
    private static byte[] unicodePath(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length == name.length()) return null; // ASCII: nothing to add
        CRC32 crc = new CRC32();
        crc.update(utf8); // the header name is written in UTF-8 too
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(9 + utf8.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x7075).putShort((short) (5 + utf8.length)).put((byte) 1).putInt((int) crc.getValue()).put(utf8);
        return b.array();
    }

    /**
     * The array name for an entry. Names with path separators are refused: they are never array names np.savez
     * makes, and a name like {@code ../x} must not reach code that might turn names into paths.
     */
    private static String arrayName(String entry, String where) {
        String name = entry.endsWith(".npy") ? entry.substring(0, entry.length() - 4) : entry;
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw new ArrayFileException(where + ": not a valid array name");
        }
        return name;
    }
}
