package org.jkeras.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Strings read from CSV as Python's csv module writes them (RFC 4180), and from JSON Lines. */
class CsvStringsTest {
    private static List<String> all(String text, CsvBatches.Header mode, int rows) {
        List<String> out = new ArrayList<>();
        try (CsvStrings c = new CsvStrings(new StringReader(text), "t.csv", rows, mode, "text")) {
            while (c.hasNext()) {
                Tensor t = c.next();
                assertEquals(Shape.of(t.batch(), c.columns()), t.shape());
                out.addAll(List.of(t.strings()));
            }
        }
        return out;
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        // csv.writer(f).writerows([["a, b"], ['say "hi"'], ["two\nlines"], [""], ["  spaced "], ["#tag"]]) with a header
        String python = "text\r\n\"a, b\"\r\n\"say \"\"hi\"\"\"\r\n\"two\nlines\"\r\n\"\"\r\n  spaced \r\n#tag\r\n";
        assertEquals(List.of("a, b", "say \"hi\"", "two\nlines", "", "  spaced ", "#tag"), all(python, CsvBatches.Header.AUTO, 2));
        assertEquals(List.of("text", "a, b"), all("\uFEFFtext\n\"a, b\"\n\n", CsvBatches.Header.NO, 1), "a BOM dropped, blank lines skipped");
        assertEquals(List.of("x", "y", "z", ""), all("x,y\nz,\"\"\r", CsvBatches.Header.NO, 5));
        assertEquals(List.of("abc"), all("\"ab\"c\n", CsvBatches.Header.NO, 5), "text after a closing quote is kept, as Python's csv keeps it");
    }

    @Test
    void theHeaderIsTheInputsNameOrColumnNumbers() {
        try (CsvStrings named = new CsvStrings(new StringReader("text\nhello\n"), "t.csv", 10, CsvBatches.Header.AUTO, "text")) {
            assertNull(named.headerNote());
            assertArrayEquals(new String[] {"hello"}, named.next().strings());
        }
        try (CsvStrings pandas = new CsvStrings(new StringReader("0\nhello\n"), "t.csv", 10, CsvBatches.Header.AUTO, "text")) {
            assertArrayEquals(new String[] {"hello"}, pandas.next().strings());
        }
        try (CsvStrings other = new CsvStrings(new StringReader("review\nhello\n"), "t.csv", 10, CsvBatches.Header.AUTO, "text")) {
            assertTrue(other.headerNote().contains("'review' is read as a sample"), other.headerNote());
            assertArrayEquals(new String[] {"review", "hello"}, other.next().strings());
        }
        assertEquals(List.of("hello"), all("review\nhello\n", CsvBatches.Header.YES, 10));
    }

    @Test
    void malformedRecordsNameTheLine() {
        ArrayFileException open = assertThrows(ArrayFileException.class, () -> all("a\n\"b\nc\n", CsvBatches.Header.NO, 10));
        assertTrue(open.getMessage().contains("t.csv line 2: a quoted field is not closed"), open.getMessage());
        ArrayFileException fields = assertThrows(ArrayFileException.class, () -> all("a\n\"x\ny\"\nb,c\n", CsvBatches.Header.NO, 10));
        assertTrue(fields.getMessage().contains("t.csv line 4: 2 fields, expected 1 as on line 1"), fields.getMessage());
    }

    @Test
    void writtenStringsReadBack() throws Exception {
        String[] texts = {"plain", "", "a, b", "q\"uote", "line\nbreak", "cr\rlf", " lead", "日本😀"};
        StringWriter w = new StringWriter();
        Csv.write(w, Tensor.ofStrings(texts, texts.length, 1));
        assertEquals(List.of(texts), all(w.toString(), CsvBatches.Header.NO, 3));
    }

    @Test
    void jsonLinesOfStrings() {
        String lines = "\"a\"\n\n\"日本😀\"\n\"\"\n";
        try (JsonLinesBatches b = new JsonLinesBatches(new StringReader(lines), "t.jsonl", 10, true)) {
            Tensor t = b.next();
            assertEquals(Shape.of(3), t.shape());
            assertArrayEquals(new String[] {"a", "日本😀", ""}, t.strings());
            assertFalse(b.hasNext());
        }
        try (JsonLinesBatches b = new JsonLinesBatches(new StringReader("[\"a\",\"b\"]\n[\"c\",\"d\"]\n"), "t.jsonl", 10, true)) {
            assertEquals(Shape.of(2, 2), b.next().shape());
        }
        ArrayFileException number = assertThrows(ArrayFileException.class,
                () -> new JsonLinesBatches(new StringReader("[\"a\", 2]\n"), "t.jsonl", 10, true).next());
        assertTrue(number.getMessage().contains("t.jsonl line 1 at [1]: a number where strings are expected"), number.getMessage());
    }
}
