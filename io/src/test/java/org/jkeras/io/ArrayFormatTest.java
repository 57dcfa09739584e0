package org.jkeras.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArrayFormatTest {
    @Test
    void byExtensionIgnoringCase() {
        assertEquals(ArrayFormat.NPY, ArrayFormat.forPath(Path.of("dir.v2/x.npy")));
        assertEquals(ArrayFormat.NPZ, ArrayFormat.forPath(Path.of("X.NPZ")));
        assertEquals(ArrayFormat.CSV, ArrayFormat.forPath(Path.of("a.b.Csv")));
        assertEquals(ArrayFormat.JSON, ArrayFormat.forPath(Path.of("/tmp/in.json")));
        assertEquals(ArrayFormat.JSONL, ArrayFormat.forPath(Path.of("in.jsonl")));
        assertEquals(".jsonl", ArrayFormat.JSONL.extension());
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() {
        for (String name : new String[] {"x.txt", "noext", "x.npy.gz", "x.", "/"}) {
            ArrayFileException e = assertThrows(ArrayFileException.class, () -> ArrayFormat.forPath(Path.of(name)));
            assertTrue(e.getMessage().contains(".npy, .npz, .csv, .json, .jsonl"), e.getMessage());
        }
    }
}
