package org.jkeras.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Writes a {@code .npy} file a batch at a time, before the number of rows is known: the header goes first with a
 * row count of 0 and is rewritten in place by {@link #finish}. NumPy's header leaves room for a first dimension of
 * any size, so both headers have the same length and the file is byte for byte what {@link Npy#write} writes for
 * the concatenated batches.
 */
public final class NpyStream {
    private final FileChannel ch;
    private final String name;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private int[] sample;
    private long rows;

    /** Writes to {@code ch} from its start; errors name the file as {@code nameForErrors}. */
    public NpyStream(FileChannel ch, String nameForErrors) {
        this.ch = ch;
        this.name = nameForErrors;
    }

    /** Appends the batch's rows; every batch must have the first one's sample shape. */
    public void append(Tensor batch) throws IOException {
        int[] dims = batch.shape().rank() == 0 ? new int[] {1} : batch.shape().dims();
        int[] s = Arrays.copyOfRange(dims, 1, dims.length);
        if (sample == null) {
            sample = s;
            ch.write(ByteBuffer.wrap(Npy.header(dimsWith(0))), 0);
            ch.position(Npy.header(dimsWith(0)).length);
        } else if (!Arrays.equals(sample, s)) {
            throw new ArrayFileException(name + ": a batch of rows of shape " + Shape.of(s) + " after rows of shape " + Shape.of(sample));
        }
        float[] d = batch.data();
        for (int off = 0; off < d.length; ) {
            int n = Math.min(d.length - off, buf.remaining() / 4);
            buf.asFloatBuffer().put(d, off, n);
            buf.position(buf.position() + 4 * n);
            off += n;
            if (!buf.hasRemaining()) flush();
        }
        rows += dims[0];
    }

    /**
     * Writes what is buffered and the header with the final row count. {@code emptySample} is the sample shape to
     * record when no batch was appended.
     */
    public void finish(int[] emptySample) throws IOException {
        flush();
        if (sample == null) {
            sample = emptySample.clone();
            ch.write(ByteBuffer.wrap(Npy.header(dimsWith(0))), 0);
            return;
        }
        if (rows > Integer.MAX_VALUE) throw new ArrayFileException(name + ": more than " + Integer.MAX_VALUE + " rows");
        byte[] first = Npy.header(dimsWith(0)), last = Npy.header(dimsWith((int) rows));
        if (first.length != last.length) throw new IllegalStateException("the .npy header changed length");
        ByteBuffer h = ByteBuffer.wrap(last);
        long at = 0;
        while (h.hasRemaining()) at += ch.write(h, at);
    }

    private void flush() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) ch.write(buf);
        buf.clear();
    }

    private int[] dimsWith(int rows) {
        int[] d = new int[sample.length + 1];
        d[0] = rows;
        System.arraycopy(sample, 0, d, 1, sample.length);
        return d;
    }
}
