package org.jkeras.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

class CsvColumnsTest {
    @Test
    void columnsAreNamedByKeyAndFlatIndexAndSideBySide() throws IOException {
        StringWriter out = new StringWriter();
        CsvColumns c = new CsvColumns(out, List.of("b", "a"));
        Map<String, Tensor> batch = new LinkedHashMap<>();
        batch.put("a", Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2));
        batch.put("b", Tensor.of(new float[] {-1, Float.NaN}, 2));
        c.write(batch);
        batch.put("a", Tensor.of(new float[] {9, 10, 11, 12}, 1, 2, 2));
        batch.put("b", Tensor.of(new float[] {Float.NEGATIVE_INFINITY}, 1));
        c.write(batch);
        // in the order of the keys given, each sample flattened in C order; the header once
        assertEquals("b,a[0],a[1],a[2],a[3]\n-1.0,1.0,2.0,3.0,4.0\nnan,5.0,6.0,7.0,8.0\n-inf,9.0,10.0,11.0,12.0\n", out.toString());
    }

    @Test
    void aColumnCountThatChangesIsRefused() throws IOException {
        CsvColumns c = new CsvColumns(new StringWriter(), List.of("a", "b"));
        c.write(Map.of("a", Tensor.of(new float[] {1, 2}, 1, 2), "b", Tensor.of(new float[] {3}, 1)));
        ArrayFileException e = assertThrows(ArrayFileException.class,
                () -> c.write(Map.of("a", Tensor.of(new float[] {1, 2, 3}, 1, 3), "b", Tensor.of(new float[] {3}, 1))));
        assertEquals("'a' has 3 values per sample from row 1 on, 2 before: CSV columns cannot change; write .npz, .json or .jsonl", e.getMessage());
        e = assertThrows(ArrayFileException.class, () -> c.write(Map.of("a", Tensor.of(new float[] {1, 2}, 1, 2), "b", Tensor.of(new float[] {3, 4}, 2))));
        assertTrue(e.getMessage().contains("'b' has 2 rows, 'a' 1"), e.getMessage());
    }

    @Test
    void namesACsvReaderWouldMisreadAreQuotedAndReadBack() throws IOException {
        List<String> keys = List.of("plain name", "a,b", "say \"hi\"", "7", "-1e5", " padded", "#tag", "", "ünï 🙂");
        assertEquals(List.of("plain name", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"7\"", "\"-1e5\"", "\" padded\"", "\"#tag\"", "\"\"", "ünï 🙂"),
                keys.stream().map(CsvColumns::quote).toList());
        // the quotes go around the whole column name, index included
        assertEquals(List.of("\"a,b[0]\"", "\"a,b[1]\"", "\"7\""), CsvColumns.names(List.of("a,b", "7"), new int[] {2, 1}));

        StringWriter out = new StringWriter();
        Map<String, Tensor> batch = new LinkedHashMap<>();
        for (String k : keys) batch.put(k, Tensor.of(new float[] {1}, 1));
        new CsvColumns(out, keys).write(batch);
        try (CsvBatches b = new CsvBatches(new StringReader(out.toString()), "mem", 10)) {
            assertEquals(keys, b.header(), out.toString());
            assertEquals(keys.size(), b.next().rowSize());
        }
    }

    @Test
    void headerFieldsSplitAtCommasOutsideQuotes() {
        assertEquals(List.of("a", "b,c", "d\"e", "", "f"), CsvBatches.splitHeader(" a ,\"b,c\" , \"d\"\"e\",,f"));
        assertEquals(List.of("x", ""), CsvBatches.splitHeader("x,"));
        assertEquals(List.of("open, to the end"), CsvBatches.splitHeader("\"open, to the end"));
    }
}
