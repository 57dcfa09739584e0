package org.jkeras.cli.io;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeras.io.ArrayFileException;

/** A UTF-8 text file reader that knows how many bytes it has consumed and the file's size, for a progress bar. */
public final class CountedReader extends BufferedReader {
    private final Counter counter;
    private final long size;

    private CountedReader(Counter counter, long size) {
        // a strict decoder, as Files.newBufferedReader uses: malformed input is an error, not replaced
        super(new InputStreamReader(counter, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        this.counter = counter;
        this.size = size;
    }

    public static CountedReader open(Path file) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            return new CountedReader(new Counter(Files.newInputStream(file)), size);
        } catch (IOException e) {
            throw ArrayFileException.io(file, e);
        }
    }

    /** Bytes read from the file so far (read ahead of the lines returned by up to a buffer). */
    public long bytesRead() {
        return counter.count;
    }

    /** The file's size in bytes; -1 when it is not a regular file (a pipe). */
    public long size() {
        return size;
    }

    private static final class Counter extends FilterInputStream {
        volatile long count;

        Counter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }
}
