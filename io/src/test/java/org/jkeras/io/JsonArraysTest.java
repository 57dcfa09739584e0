package org.jkeras.io;

import static org.jkeras.io.Fixtures.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonArraysTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsNestedListsOfAnyRank() throws IOException {
        for (Tensor t : List.of(Fixtures.special(2, 2, 2, 2), Fixtures.special(16), Fixtures.special(8, 2),
                Tensor.zeros(Shape.of(0)), Tensor.zeros(Shape.of(2, 0)))) {
            StringWriter out = new StringWriter();
            JsonArrays.write(out, t);
            assertSameTensor(t, JsonArrays.read(file("t.json", out.toString())));
        }
    }

    @Test
    void writesOneBatchElementPerLineInPythonJsonSpelling() throws IOException {
        StringWriter out = new StringWriter();
        JsonArrays.write(out, Tensor.of(new float[] {1, Float.NaN, Float.NEGATIVE_INFINITY, -0f}, 2, 2));
        assertEquals("[[1.0,NaN],\n[-Infinity,-0.0]]\n", out.toString());
    }

    @Test
    void readsPythonJsonNonFinitesAndScalars() throws IOException {
        Tensor t = JsonArrays.read(file("a.json", "[NaN, Infinity, -Infinity, 1e-45, -0, 3]"));
        float inf = Float.POSITIVE_INFINITY;
        assertArrayEquals(Fixtures.bits(new float[] {Float.NaN, inf, -inf, Float.MIN_VALUE, -0f, 3}), Fixtures.bits(t.data()));
        Tensor scalar = JsonArrays.read(file("s.json", " 2.5 "));
        assertEquals(Shape.of(1), scalar.shape());
        assertEquals(2.5f, scalar.data()[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[[1,2],[3]]                      | at [1]: a list of 1 elements where the others have 2",
        "[[[1],[2]],[[3],[4,5]]]          | at [1][1]: a list of 2 elements where the others have 1",
        "[[1,2],3]                        | at [1]: a number where the other elements are lists",
        "[1,[2]]                          | at [1]: a list where the other elements are numbers",
        "[[1,2],[3,[4]]]                  | at [1][1]: a list where the other elements are numbers",
        "[[],[[1]]]                       | at [1][0]: a list where the other elements are numbers",
        "[[1,2],[3,\"x\"]]                | at [1][1]: 'x' is not a number",
        "[[1,2],[3,null]]                 | at [1][1]: expected a number or a list, found NULL",
        "[[1,2],[true,1]]                 | at [1][0]: expected a number or a list, found BOOLEAN",
        "[[1,2],{\"a\":1}]                | at [1]: expected a number or a list, found BEGIN_OBJECT",
        "[1,2] [3]                        | : unexpected content after the array",
        "[1,2                             | : malformed JSON",
        "''                               | : malformed JSON",
    })
    void errorsNameThePath(String json, String expected) throws IOException {
        Path p = file("bad.json", json);
        ArrayFileException e = assertThrows(ArrayFileException.class, () -> JsonArrays.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()) && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void namedArraysRoundTripInOrder() throws IOException {
        LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("z \"quoted\"", Fixtures.special(4, 2, 2));
        arrays.put("a", Tensor.of(new float[] {1, 2}, 2));
        StringWriter out = new StringWriter();
        JsonArrays.writeNamed(out, arrays);
        LinkedHashMap<String, Tensor> back = JsonArrays.readNamed(file("n.json", out.toString()));
        assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
        assertSameTensor(arrays.get("z \"quoted\""), back.get("z \"quoted\""));
        assertSameTensor(arrays.get("a"), back.get("a"));
    }

    @Test
    void namedAndUnnamedAreNotConfused() throws IOException {
        Path obj = file("o.json", "{\"a\": [1]}");
        assertTrue(assertThrows(ArrayFileException.class, () -> JsonArrays.read(obj)).getMessage().contains("object of named arrays"));
        Path list = file("l.json", "[1]");
        assertTrue(assertThrows(ArrayFileException.class, () -> JsonArrays.readNamed(list)).getMessage().contains("expected an object"));
        Path dup = file("d.json", "{\"a\": [1], \"a\": [2]}");
        assertEquals(dup + " key \"a\": appears twice", assertThrows(ArrayFileException.class, () -> JsonArrays.readNamed(dup)).getMessage());
        Path ragged = file("r.json", "{\"a\": [1], \"b\": [[1],[2,3]]}");
        assertEquals(ragged + " key \"b\" at [1]: a list of 2 elements where the others have 1 (ragged nested list)",
                assertThrows(ArrayFileException.class, () -> JsonArrays.readNamed(ragged)).getMessage());
    }

    @Test
    void jsonLinesStackSamplesAlongTheBatchAxis() throws IOException {
        Tensor t = JsonArrays.readLines(file("x.jsonl", "[[1,2],[3,4]]\n\n  [[5,6],[7,8]]  \r\n[[NaN,0],[0,0]]\n"));
        assertEquals(Shape.of(3, 2, 2), t.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, Float.NaN, 0, 0, 0}, t.data());
        assertEquals(Shape.of(2), JsonArrays.readLines(file("s.jsonl", "1\n2\n")).shape());

        Tensor special = Fixtures.special(4, 2, 2);
        StringWriter out = new StringWriter();
        JsonArrays.writeLines(out, special);
        assertEquals(4, out.toString().lines().count());
        assertSameTensor(special, JsonArrays.readLines(file("r.jsonl", out.toString())));
    }

    @Test
    void jsonLinesErrorsNameTheLine() throws IOException {
        Path shape = file("a.jsonl", "[1,2]\n[3,4]\n\n[5]\n");
        assertEquals(shape + " line 4: sample of shape (1,), line 1 has shape (2,)",
                assertThrows(ArrayFileException.class, () -> JsonArrays.readLines(shape)).getMessage());
        Path malformed = file("b.jsonl", "[1,2]\n[3,\n");
        assertTrue(assertThrows(ArrayFileException.class, () -> JsonArrays.readLines(malformed)).getMessage()
                .startsWith(malformed + " line 2: malformed JSON"));
        Path ragged = file("c.jsonl", "[[1],[2]]\n[[1],[2,3]]\n");
        assertEquals(ragged + " line 2 at [1]: a list of 2 elements where the others have 1 (ragged nested list)",
                assertThrows(ArrayFileException.class, () -> JsonArrays.readLines(ragged)).getMessage());
        Path empty = file("e.jsonl", "\n\n");
        assertEquals(empty + ": no samples", assertThrows(ArrayFileException.class, () -> JsonArrays.readLines(empty)).getMessage());
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }
}
