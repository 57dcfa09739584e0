package org.jkeras.importer.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The assets' vocabulary read as Keras' load_assets reads it: Python's str.splitlines of a text-mode file. */
class LookupConfigTest {
    @Test
    void vocabularyLinesAreReadAsPythonSplitsThem() {
        // "\n[UNK]\na\nb c\r\nd\re\u2028f\n".splitlines() in Python
        assertEquals(List.of("", "[UNK]", "a", "b c", "d", "e", "f"), LookupConfig.splitLines("\n[UNK]\na\nb c\r\nd\re\u2028f\n"));
        assertEquals(List.of("x", ""), LookupConfig.splitLines("x\n\n"));
        assertEquals(List.of("a\tb", "c", "d", "e"), LookupConfig.splitLines("a\tb\u000bc\u001cd\u0085e"));
        assertEquals(List.of(), LookupConfig.splitLines(""));
    }
}
