package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.io.Npy;
import org.jkeras.io.golden.GoldenFile;

/** {@code predict -o - --format F}: standard output gets exactly the bytes {@code -o y.F} writes to a file. */
class PredictStdoutTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");

    @TempDir
    Path dir;

    private record Run(int code, byte[] out, String err) {
    }

    /** Runs with standard output as a byte stream, as {@link Main#main} does. */
    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), out, new PrintWriter(err));
        return new Run(code, out.toByteArray(), err.toString());
    }

    private List<String> predict(String caseName, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", KERAS3.resolve(caseName).resolve("model.keras").toString()));
        int i = 0;
        for (GoldenFile.Array a : GoldenFile.read(KERAS3.resolve(caseName).resolve("io.h5")).inputs()) {
            Path p = dir.resolve(caseName + "_in" + i++ + ".npy");
            if (!Files.exists(p)) Npy.write(p, a.tensor());
            args.addAll(List.of("--input", a.name() + "=" + p));
        }
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void everyFormatOnStandardOutputIsTheFilesBytes() throws IOException {
        for (String c : List.of("dense_act_relu", "functional_2in_2out")) {
            boolean several = c.equals("functional_2in_2out");
            for (String f : List.of("npy", "npz", "csv", "json", "jsonl")) {
                if (several && f.equals("npy")) continue;
                Path file = dir.resolve(c + "." + f);
                Run toFile = run(predict(c, "-o", file.toString()));
                assertEquals(0, toFile.code(), toFile.err());
                assertEquals(0, toFile.out().length, "nothing on standard output");
                Run toStdout = run(predict(c, "-o", "-", "--format", f));
                assertEquals(0, toStdout.code(), toStdout.err());
                assertEquals("", toStdout.err());
                if (f.equals("npz")) {
                    // entries are stamped with the time they are written: compare names and contents
                    assertEquals(entries(Files.newInputStream(file)), entries(new ByteArrayInputStream(toStdout.out())), c + " " + f);
                } else {
                    assertArrayEquals(Files.readAllBytes(file), toStdout.out(), c + " " + f);
                }
            }
            // -o - alone, and no -o at all: CSV
            Run dash = run(predict(c, "-o", "-"));
            assertEquals(0, dash.code(), dash.err());
            assertArrayEquals(Files.readAllBytes(dir.resolve(c + ".csv")), dash.out());
            assertArrayEquals(dash.out(), run(predict(c)).out());
        }
    }

    private static Map<String, String> entries(InputStream in) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) m.put(e.getName(), java.util.HexFormat.of().formatHex(z.readAllBytes()));
        }
        assertFalse(m.isEmpty());
        return m;
    }

    @Test
    void aFormatNamesTheFormatOfAFileWithoutAnArrayExtension() throws IOException {
        Path npy = dir.resolve("y.npy"), out = dir.resolve("y.out");
        assertEquals(0, run(predict("dense_act_relu", "-o", npy.toString())).code());
        Run r = run(predict("dense_act_relu", "-o", out.toString(), "--format", "NPY"));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(npy), Files.readAllBytes(out));
    }

    @Test
    void aFormatThatContradictsTheFileOrIsUnknownIsAUsageError() {
        Path y = dir.resolve("y.npy");
        Run r = run(predict("dense_act_relu", "-o", y.toString(), "--format", "csv"));
        assertEquals(Main.USAGE, r.code());
        assertEquals("jkeras: --format csv contradicts the output file " + y + " (.npy) (see 'jkeras predict --help')", r.err().strip());
        assertFalse(Files.exists(y));
        r = run(predict("dense_act_relu", "-o", "-", "--format", "xml"));
        assertEquals(Main.USAGE, r.code());
        assertEquals("jkeras: --format xml: expected npy, npz, csv, json or jsonl (see 'jkeras predict --help')", r.err().strip());
        assertEquals(0, r.out().length);
        // several outputs cannot go to one .npy, on standard output either
        r = run(predict("functional_2in_2out", "-o", "-", "--format", "npy"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("jkeras: standard output: the model has 2 outputs [cls, reg]; a .npy holds one array"), r.err());
        assertEquals(0, r.out().length);
    }

    @Test
    void theDemoWritesToStandardOutputInAnyFormat() {
        Run r = run(List.of("predict", "-o", "-", "--format", "npy"));
        assertEquals(0, r.code(), r.err());
        assertEquals(org.jkeras.runtime.Shape.of(4, 10), Npy.read(new ByteArrayInputStream(r.out()), "stdout").shape());
        Run csv = run(List.of("predict"));
        assertTrue(new String(csv.out(), StandardCharsets.UTF_8).lines().count() == 4, new String(csv.out(), StandardCharsets.UTF_8));
    }
}
