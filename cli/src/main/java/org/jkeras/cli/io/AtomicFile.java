package org.jkeras.cli.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file so that it appears complete or not at all: the content goes to a hidden temporary file
 * beside the target, which is moved into place only once fully written and synced.
 */
public final class AtomicFile {
    /** Writes the content; may throw midway, leaving no trace. */
    @FunctionalInterface
    public interface Body<T> {
        void write(T out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code target} through {@code body}, refusing if it is one of {@code inputs} (the same file by any
     * path). I/O failures become an {@link ArrayFileException} naming the target; the temporary file is removed.
     */
    public static void write(Path target, Collection<Path> inputs, Body<OutputStream> body) {
        refuseInputs(target, inputs);
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) throw new ArrayFileException(target + ": directory " + dir + " does not exist");
        if (Files.isDirectory(target)) throw new ArrayFileException(target + ": is a directory");
        // created with the default permissions, unlike Files.createTempFile's owner-only ones
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                body.write(out);
                out.flush();
                ch.force(true); // on disk before the move makes it visible, or a crash could leave an empty file
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw ArrayFileException.io(target, e);
        } finally {
            if (!moved) deleteQuietly(tmp);
        }
    }

    /** {@link #write} for text: UTF-8, buffered. */
    public static void writeText(Path target, Collection<Path> inputs, Body<Writer> body) {
        write(target, inputs, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    private static void refuseInputs(Path target, Collection<Path> inputs) {
        for (Path in : inputs) {
            boolean same;
            try {
                same = Files.exists(target) && Files.exists(in)
                        ? Files.isSameFile(target, in) // also sees through links and other spellings
                        : target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
            } catch (IOException e) {
                throw ArrayFileException.io(target, e);
            }
            if (same) throw new ArrayFileException(target + ": is also an input (" + in + "); refusing to overwrite it");
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // the original failure matters more than a leftover hidden temporary file
        }
    }
}
