package org.jkeras.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Reads a {@code .npy} array a batch of rows at a time (rows: the first axis), as tensors of at most
 * {@code maxRows} rows, so a file larger than memory can be scored in pieces: the header is read on opening, then
 * each batch's bytes as it is asked for. The batches joined are bit for bit what {@link Npy#read} gives; a 0-d
 * array is one row of shape (1), an array with no rows one empty batch.
 */
public final class NpyBatches implements Iterator<Tensor>, Closeable {
    private final ReadableByteChannel ch;
    private final String name;
    private final int maxRows;
    private final long size;
    private final Npy.Header header;
    private final int[] dims;
    private final int rowItems;
    private final ByteBuffer buf;
    private int rowsRead;
    private boolean started;

    /**
     * Reads the header of the array {@code ch} holds.
     *
     * @param size bytes in the source, or -1 when unknown (a pipe): then a batch's array grows only as its data
     *             arrives, so a forged shape cannot allocate more than the source holds
     */
    public NpyBatches(ReadableByteChannel ch, String nameForErrors, long size, int maxRows) {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.ch = ch;
        this.name = nameForErrors;
        this.maxRows = maxRows;
        this.size = size;
        try {
            this.header = Npy.Header.read(ch, nameForErrors, size);
        } catch (IOException e) {
            throw ArrayFileException.io(nameForErrors, e);
        }
        this.dims = header.shape().dims();
        this.rowItems = dims[0] == 0 ? 0 : header.count() / dims[0];
        this.buf = Npy.buffer(header, (long) Math.min(maxRows, Math.max(dims[0], 1)) * rowItems);
    }

    /** Opens {@code file} and reads its header; see {@link #NpyBatches}. */
    public static NpyBatches open(Path file, int maxRows) {
        FileChannel ch;
        long size;
        try {
            ch = FileChannel.open(file);
            size = Files.isRegularFile(file) ? ch.size() : -1; // a pipe or device reports size 0
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
        return Readers.build(ch, c -> new NpyBatches(c, file.toString(), size, maxRows));
    }

    /** The whole array's shape, as {@link Npy#read} gives it. */
    public Shape shape() {
        return Shape.of(dims);
    }

    @Override
    public boolean hasNext() {
        return rowsRead < dims[0] || !started; // an array with no rows is still one (empty) batch
    }

    @Override
    public Tensor next() {
        if (!hasNext()) throw new NoSuchElementException(name + ": no more rows");
        started = true;
        int n = Math.min(maxRows, dims[0] - rowsRead);
        int[] d = Arrays.copyOf(dims, dims.length);
        d[0] = n;
        long before = (long) rowsRead * rowItems * header.itemSize();
        try {
            Tensor t = header.dtype() == Npy.Dtype.TEXT
                    ? Tensor.ofStrings(Npy.readStrings(ch, header, n * rowItems, buf, size >= 0, name, before), d)
                    : new Tensor(Shape.of(d), Npy.readData(ch, header, n * rowItems, buf, size >= 0, name, before));
            rowsRead += n;
            return t;
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }

    /** Bytes of the file consumed so far: the header and the rows read. */
    public long bytesRead() {
        return header.dataStart() + (long) rowsRead * rowItems * header.itemSize();
    }

    /** The file's size in bytes; -1 when it is not a regular file (a pipe). */
    public long size() {
        return size;
    }

    @Override
    public void close() {
        try {
            ch.close();
        } catch (IOException e) {
            throw ArrayFileException.io(name, e);
        }
    }
}
