package org.jkeras.io;

import static org.jkeras.io.Fixtures.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsSpecialValuesWithAndWithoutHeader() throws IOException {
        Tensor t = Fixtures.special(4, 4);
        assertSameTensor(t, Csv.read(write(t, List.of())));
        Path withHeader = write(t, List.of("a", "b", "c", "d"));
        assertSameTensor(t, Csv.read(withHeader));
        try (CsvBatches rows = CsvBatches.open(withHeader, 10)) {
            assertEquals(List.of("a", "b", "c", "d"), rows.header());
        }
    }

    @Test
    void writesOneFlattenedRowPerBatchElementWithNumPySpellings() throws IOException {
        StringWriter out = new StringWriter();
        Csv.write(out, Tensor.of(new float[] {1, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2.5e-8f, 0, 0}, 2, 2, 2));
        assertEquals("1.0,-0.0,nan,inf\n-inf,2.5E-8,0.0,0.0\n", out.toString());
        StringWriter scalars = new StringWriter();
        Csv.write(scalars, Tensor.of(new float[] {1, 2}, 2), List.of("y"));
        assertEquals("y\n1.0\n2.0\n", scalars.toString());
    }

    @Test
    void rejectsHeadersThatWouldNotReadBack() {
        Tensor t = Tensor.of(new float[] {1, 2}, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> Csv.write(new StringWriter(), t, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(new StringWriter(), t, List.of("a,b", "c")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(new StringWriter(), t, List.of("0", "1")));
    }

    @Test
    void readsHeaderBlankLinesCommentsWhitespaceCrlfAndBom() throws IOException {
        Path p = file("\uFEFF# written by np.savetxt\r\n \"x\" , y \r\n\r\n 1 , 2\r\n   \r\n3,4e1\r\n");
        try (CsvBatches rows = CsvBatches.open(p, 100)) {
            assertEquals(List.of("x", "y"), rows.header());
            assertEquals(2, rows.columns());
            Tensor t = rows.next();
            assertEquals(Shape.of(2, 2), t.shape());
            assertArrayEquals(new float[] {1, 2, 3, 40}, t.data());
            assertFalse(rows.hasNext());
        }
    }

    @Test
    void readsWithoutHeaderAndAcceptsNumPyNonFinites() throws IOException {
        Tensor t = Csv.read(file("nan,inf,-inf\nNaN,+Infinity,-INF\n-nan,.5,1e-45\n"));
        float inf = Float.POSITIVE_INFINITY;
        assertArrayEquals(new float[] {Float.NaN, inf, -inf, Float.NaN, inf, -inf, Float.NaN, 0.5f, Float.MIN_VALUE}, t.data());
    }

    @Test
    void detectsAHeaderByAnyNonNumericField() throws IOException {
        assertArrayEquals(new float[] {3, 4}, Csv.read(file("1,b\n3,4\n")).data());
        assertArrayEquals(new float[] {3, 4}, Csv.read(file(",b\n3,4\n")).data());
    }

    @Test
    void columnNumbersAsPandasWritesThemAreAHeader() {
        CsvBatches pandas = new CsvBatches(new StringReader("0,1,2\n5,6,7\n8,9,10\n"), "mem", 10);
        assertEquals(java.util.List.of("0", "1", "2"), pandas.header());
        assertArrayEquals(new float[] {5, 6, 7, 8, 9, 10}, pandas.next().data());
        assertTrue(pandas.headerNote().contains("read as a header"), pandas.headerNote());
        // not 0..n-1, or a single column: data
        for (String first : new String[] {"1,2,3", "0,1,3", "0,2,1", "0"}) {
            CsvBatches rows = new CsvBatches(new StringReader(first + "\n"), "mem", 10);
            assertEquals(java.util.List.of(), rows.header(), first);
            assertEquals(null, rows.headerNote(), first);
        }
        CsvBatches no = new CsvBatches(new StringReader("0,1,2\n5,6,7\n"), "mem", 10, CsvBatches.Header.NO);
        assertArrayEquals(new float[] {0, 1, 2, 5, 6, 7}, no.next().data());
        CsvBatches yes = new CsvBatches(new StringReader("1,2\n5,6\n"), "mem", 10, CsvBatches.Header.YES);
        assertEquals(java.util.List.of("1", "2"), yes.header());
        assertArrayEquals(new float[] {5, 6}, yes.next().data());
    }

    @Test
    void semicolonSeparatedFilesGetAShortHint() {
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < 768; j++) row.append(j == 0 ? "" : ";").append("0.123456");
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Csv.read(file("a;b\n" + row + "\n")));
        assertTrue(e.getMessage().contains("separated by ';'"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "one short line, not the row echoed: " + e.getMessage().length() + " characters");
        e = assertThrows(ArrayFileException.class, () -> Csv.read(file("1\tx\n")));
        assertFalse(e.getMessage().contains("separated by"), e.getMessage());
    }

    @Test
    void raggedRowsNameTheLine() {
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Csv.read(file("a,b\n1,2\n\n3,4,5\n")));
        assertTrue(e.getMessage().endsWith(" line 4: 3 fields, expected 2 as on line 1"), e.getMessage());
        e = assertThrows(ArrayFileException.class, () -> Csv.read(file("1,2\n3\n")));
        assertTrue(e.getMessage().endsWith(" line 2: 1 fields, expected 2 as on line 1"), e.getMessage());
    }

    @Test
    void badNumbersNameLineAndField() throws IOException {
        Path p = file("a,b\n1,2\n3,x\n");
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> Csv.read(p));
        assertEquals(p + " line 3, field 2: 'x' is not a number", e.getMessage());
        for (String bad : List.of("1,\n", "1,1f\n", "1,0x10\n", "1,1e\n", "1,--1\n")) {
            ArrayFileException b = assertThrows(ArrayFileException.class, () -> Csv.read(file("a,b\n" + bad)));
            assertTrue(b.getMessage().contains("line 2, field 2"), b.getMessage());
        }
    }

    @Test
    void emptyFilesAndHeaderOnlyAreErrors() {
        for (String content : List.of("", "\n\n", "a,b\n")) {
            ArrayFileException e = assertThrows(ArrayFileException.class, () -> Csv.read(file(content)));
            assertTrue(e.getMessage().endsWith(": no data rows"), e.getMessage());
        }
    }

    @Test
    void batchesRows() {
        CsvBatches rows = new CsvBatches(new StringReader("h1,h2\n1,2\n3,4\n5,6\n7,8\n9,10\n"), "mem", 2);
        assertEquals(Shape.of(2, 2), rows.next().shape());
        assertArrayEquals(new float[] {5, 6, 7, 8}, rows.next().data());
        assertArrayEquals(new float[] {9, 10}, rows.next().data());
        assertFalse(rows.hasNext());
    }

    @Test
    void batchesStreamWithoutReadingToTheEnd() {
        // an endless input: only a streaming reader can return from it
        Reader endless = new Reader() {
            private long row;
            private String pending = "";

            @Override
            public int read(char[] buf, int off, int len) {
                if (pending.isEmpty()) pending = row++ + ",1\n";
                int n = Math.min(len, pending.length());
                pending.getChars(0, n, buf, off);
                pending = pending.substring(n);
                return n;
            }

            @Override
            public void close() {}
        };
        CsvBatches rows = new CsvBatches(endless, "endless", 3, CsvBatches.Header.NO); // its first line "0,1" would read as a header
        assertArrayEquals(new float[] {0, 1, 1, 1, 2, 1}, rows.next().data());
        assertArrayEquals(new float[] {3, 1, 4, 1, 5, 1}, rows.next().data());
    }

    private Path write(Tensor t, List<String> header) throws IOException {
        Path p = dir.resolve("t.csv");
        try (var out = Files.newBufferedWriter(p)) {
            Csv.write(out, t, header);
        }
        return p;
    }

    private Path file(String content) throws IOException {
        Path p = Files.createTempFile(dir, "in", ".csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
