package org.jkeras.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jkeras.io.ArrayFileException;
import org.jkeras.io.Npy;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path out = dir.resolve("y.npy");
        Tensor t = Tensor.of(new float[] {1, 2}, 2);
        AtomicFile.write(out, List.of(), o -> Npy.write(o, t));
        AtomicFile.writeText(out, List.of(), w -> w.write("replaced"));
        assertEquals("replaced", Files.readString(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedByTheNextOne() throws Exception {
        Path out = dir.resolve("y.csv");
        // a process that is gone (SIGKILL leaves its temporary file): its pid names no live process once it has exited
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").start();
        p.waitFor();
        Path stale = Files.writeString(dir.resolve(".y.csv." + p.pid() + ".1f2e.tmp"), "partial");
        Path live = Files.writeString(dir.resolve(".y.csv." + ProcessHandle.current().pid() + ".abc.tmp"), "being written");
        Path other = Files.writeString(dir.resolve(".z.csv." + p.pid() + ".1f2e.tmp"), "another target's");
        AtomicFile.writeText(out, List.of(), w -> w.write("1,2\n"));
        assertFalse(Files.exists(stale), "a dead process' temporary file is removed");
        assertTrue(Files.exists(live), "a live process' temporary file is left alone");
        assertTrue(Files.exists(other), "another target's file is left alone");
    }

    @Test
    void aWriterFailingMidwayLeavesNoPartialOutput() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        RuntimeException boom = new IllegalStateException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> AtomicFile.writeText(fresh, List.of(), w -> {
            w.write("1.0,2.0\n".repeat(100_000)); // enough to reach the disk before failing
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(List.of(), files());

        Path existing = dir.resolve("old.csv");
        Files.writeString(existing, "old");
        ArrayFileException io = assertThrows(ArrayFileException.class, () -> AtomicFile.write(existing, List.of(), o -> {
            o.write(new byte[1 << 20]);
            throw new IOException("disk full");
        }));
        assertEquals(existing + ": disk full", io.getMessage());
        assertEquals("old", Files.readString(existing));
        assertEquals(List.of(existing), files());
    }

    @Test
    void refusesToOverwriteAnInputByAnySpelling() throws IOException {
        Path in = dir.resolve("x.npy");
        Npy.write(in, Tensor.of(new float[] {1}, 1));
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.npy"), in);
        for (Path target : List.of(in, dir.resolve("sub/../x.npy"), link)) {
            Files.createDirectories(dir.resolve("sub"));
            ArrayFileException e = assertThrows(ArrayFileException.class,
                    () -> AtomicFile.write(target, List.of(dir.resolve("other.npy"), in), o -> o.write(1)));
            assertTrue(e.getMessage().contains("is also an input"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void reportsAMissingDirectoryAndDirectoryTargets() {
        Path missing = dir.resolve("nope/y.npy");
        assertTrue(assertThrows(ArrayFileException.class, () -> AtomicFile.write(missing, List.of(), o -> o.write(1)))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(ArrayFileException.class, () -> AtomicFile.write(dir, List.of(), o -> o.write(1)))
                .getMessage().endsWith(": is a directory"));
        assertFalse(Files.exists(missing));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
