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
import org.jkeras.io.ArrayFileException;

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
        writeChannel(target, inputs, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            body.write(out);
            out.flush();
        });
    }

    /**
     * {@link #write} through the temporary file's channel, for content that is patched after it is written (a
     * header that counts the rows). An interrupt of the JVM (Ctrl-C, SIGTERM) while writing removes the temporary
     * file too.
     */
    public static void writeChannel(Path target, Collection<Path> inputs, Body<FileChannel> body) {
        refuseInputs(target, inputs);
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) throw new ArrayFileException(target + ": directory " + dir + " does not exist");
        if (Files.isDirectory(target)) throw new ArrayFileException(target + ": is a directory");
        removeStale(dir, target.getFileName().toString());
        // created with the default permissions, unlike Files.createTempFile's owner-only ones; named with our pid so a
        // later run can tell a temporary file left by a killed process (SIGKILL runs no hook) from a live one
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Thread cleanup = new Thread(() -> deleteQuietly(tmp), "jkeras-tmp-cleanup");
        boolean hooked = addHook(cleanup);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                body.write(ch);
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
            if (hooked) removeHook(cleanup);
        }
    }

    /** Deletes {@code .<target>.<pid>.<hex>.tmp} files beside the target whose process is gone. */
    static void removeStale(Path dir, String target) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile("\\." + java.util.regex.Pattern.quote(target) + "\\.(\\d{1,18})\\.[0-9a-f]+\\.tmp");
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                var m = ours.matcher(f.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(h -> !h.isAlive()).orElse(true)) deleteQuietly(f);
            });
        } catch (IOException | RuntimeException e) {
            // best effort: a stale file that cannot be listed or deleted stays, and the write goes on
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false; // already shutting down: nothing to protect
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException e) {
            // shutting down: the hook runs and finds nothing to delete
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

    /** Fails as {@link #write} would if {@code target} is one of {@code inputs}: to refuse before a long computation. */
    public static void refuseToOverwrite(Path target, Collection<Path> inputs) {
        refuseInputs(target, inputs);
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
