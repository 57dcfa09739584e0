package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.io.Csv;
import org.jkeras.io.JsonArrays;
import org.jkeras.io.Npy;
import org.jkeras.io.Npz;
import org.jkeras.io.golden.GoldenFile;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code jkeras predict} at scale: CSV and JSONL inputs streamed in batches with bounded memory, outputs written
 * as they come and renamed into place only when complete.
 */
class PredictStreamingTest {
    private static final Path KERAS3 = Path.of("..", "testmodels", "keras3");
    private static final Path MODEL = KERAS3.resolve("dense_act_relu").resolve("model.keras");
    /** Distinct input rows; the big file repeats them. */
    private static final int DISTINCT = 1000;
    private static final long BIG_BYTES = 100L << 20;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path bigCsv;
    private static float[][] rows;
    private static long bigRows;

    /** A CSV of about 100 MB: a header, then the same 1000 rows of 6 values over and over. */
    @BeforeAll
    static void writeBigCsv() throws IOException {
        java.util.Random rnd = new java.util.Random(42);
        rows = new float[DISTINCT][6];
        String[] lines = new String[DISTINCT];
        for (int r = 0; r < DISTINCT; r++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                rows[r][j] = Float.parseFloat(String.format(Locale.ROOT, "%.5f", rnd.nextGaussian() * 2));
                b.append(j > 0 ? "," : "").append(rows[r][j]);
            }
            lines[r] = b.append('\n').toString();
        }
        bigCsv = shared.resolve("big.csv");
        long bytes = 0, n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(bigCsv, StandardCharsets.US_ASCII)) {
            w.write("a,b,c,d,e,f\n");
            while (bytes < BIG_BYTES) {
                String line = lines[(int) (n % DISTINCT)];
                w.write(line);
                bytes += line.length();
                n++;
            }
        }
        bigRows = n;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The CLI in a child JVM with a 32 MB heap (or the -Xmx given first), on this test's class path. */
    private static ProcessBuilder childJvm(Path workDir, String... args) {
        String heap = args.length > 0 && args[0].startsWith("-Xmx") ? args[0] : "-Xmx32m";
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args).subList(heap.equals(args[0]) ? 1 : 0, args.length));
        return new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(workDir.resolve("child.out").toFile())
                .redirectError(workDir.resolve("child.err").toFile());
    }

    @Test
    void aCsvLargerThanTheHeapIsScoredInBatches() throws Exception {
        assertTrue(Files.size(bigCsv) > 3 * (32L << 20), "the input is several times the child's heap");
        Path out = dir.resolve("y.npy");
        Process p = childJvm(dir, "predict", MODEL.toAbsolutePath().toString(), "--input", bigCsv.toString(), "--output", out.toString(),
                "--batch-size", "4096").start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        String err = Files.readString(dir.resolve("child.err"));
        assertEquals(0, p.exitValue(), err);
        assertFalse(err.contains("rows/s"), "no progress bar when standard error is not a terminal: " + err);
        Tensor y = Npy.read(out);
        assertEquals(Shape.of((int) bigRows, 16), y.shape());
        // every row is the in-memory prediction of its input row, bit for bit, whatever the batch
        float[][] expected = KerasModel.load(MODEL).predict(rows);
        for (long r : new long[] {0, 1, DISTINCT - 1, DISTINCT, 4095, 4096, 4097, bigRows / 2, bigRows - 1}) {
            float[] got = java.util.Arrays.copyOfRange(y.data(), (int) (r * 16), (int) (r * 16 + 16));
            assertArrayEquals(expected[(int) (r % DISTINCT)], got, "row " + r);
        }
        assertEquals(List.of("child.err", "child.out", "y.npy"), listing(dir), "no temporary file left");
    }

    /**
     * A 22 MB .npy of float32 for a child with a 20 MB heap: read whole, its data alone would not fit; read a batch
     * of rows at a time (the default 1024), each row is still its in-memory prediction.
     */
    @Test
    void anNpyLargerThanTheHeapIsScoredInBatches() throws Exception {
        Path model = KERAS3.resolve("mlp_784_256_128_10").resolve("model.keras");
        int rows = 7_200, width = 784, distinct = 7;
        float[][] x = new float[distinct][width];
        java.util.Random rnd = new java.util.Random(5);
        for (float[] row : x) for (int j = 0; j < width; j++) row[j] = rnd.nextFloat();
        Path in = dir.resolve("x.npy");
        try (var ch = FileChannel.open(in, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // the .npy 1.0 preamble and header dict, padded with spaces and a newline to 64 bytes
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + width + "), }";
            dict += " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
            ByteBuffer h = ByteBuffer.allocate(10 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
            h.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length()).put(dict.getBytes(StandardCharsets.US_ASCII));
            ch.write(h.flip());
            ByteBuffer b = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                b.clear();
                b.asFloatBuffer().put(x[r % distinct]);
                ch.write(b);
            }
        }
        assertTrue(Files.size(in) > 21L << 20, "the input is larger than the child's heap");
        Path out = dir.resolve("y.npy");
        Process p = childJvm(dir, "-Xmx20m", "predict", model.toAbsolutePath().toString(), "--input", in.toString(), "--output", out.toString()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.err")));
        Tensor y = Npy.read(out);
        assertEquals(Shape.of(rows, 10), y.shape());
        float[][] expected = KerasModel.load(model).predict(x);
        for (int r : new int[] {0, 1, 6, 1023, 1024, 1025, rows / 2, rows - 1}) {
            assertArrayEquals(expected[r % distinct], java.util.Arrays.copyOfRange(y.data(), r * 10, r * 10 + 10), "row " + r);
        }
    }

    @Test
    void anInterruptedRunLeavesNoOutputFile() throws Exception {
        Path out = dir.resolve("y.csv");
        Process p = childJvm(dir, "predict", MODEL.toAbsolutePath().toString(), "--input", bigCsv.toString(), "--output", out.toString()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean writing = false;
        while (!writing && p.isAlive() && System.nanoTime() < deadline) {
            writing = listing(dir).stream().anyMatch(n -> n.startsWith(".y.csv.") && n.endsWith(".tmp"));
            if (!writing) Thread.sleep(20);
        }
        assertTrue(writing, "the child writes to a temporary file first");
        p.destroy(); // SIGTERM, as Ctrl-C or a job scheduler would
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "no truncated output");
        assertEquals(List.of("child.err", "child.out"), listing(dir), "the temporary file is removed too");
    }

    @Test
    void aBadRowLateInTheFileLeavesNoOutputFile() throws Exception {
        Path in = dir.resolve("x.csv");
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 5000; r++) b.append("1,2,3,4,5,6\n");
        b.append("1,2,x,4,5,6\n");
        Files.writeString(in, b);
        for (String ext : List.of(".csv", ".npy", ".jsonl", ".json", ".npz")) {
            Path out = dir.resolve("y" + ext);
            Run r = run("predict", MODEL.toString(), "--input", in.toString(), "--output", out.toString(), "--batch-size", "100");
            assertEquals(1, r.code(), ext);
            assertTrue(r.err().contains("line 5001, field 3: 'x' is not a number"), r.err());
            assertFalse(Files.exists(out), ext);
        }
        assertEquals(List.of("x.csv"), listing(dir), "no temporary file left");
    }

    @Test
    void jsonlInAndOutInBatches() throws Exception {
        GoldenFile g = GoldenFile.read(KERAS3.resolve("dense_act_relu").resolve("io.h5"));
        Tensor x = g.inputs().get(0).tensor();
        Tensor y = KerasModel.load(MODEL).predict(Map.of("x", x)).values().iterator().next();
        Path in = dir.resolve("x.jsonl");
        try (var w = Files.newBufferedWriter(in)) {
            JsonArrays.writeLines(w, x);
        }
        for (String bs : List.of("1", "3", "1000")) {
            Path jsonl = dir.resolve("y" + bs + ".jsonl"), json = dir.resolve("y" + bs + ".json"), npy = dir.resolve("y" + bs + ".npy"),
                    csv = dir.resolve("y" + bs + ".csv");
            for (Path out : List.of(jsonl, json, npy, csv)) {
                Run r = run("predict", MODEL.toString(), "--input", in.toString(), "--output", out.toString(), "--batch-size", bs);
                assertEquals(0, r.code(), r.err());
            }
            assertBitEqual(y, JsonArrays.readLines(jsonl));
            assertBitEqual(y, JsonArrays.read(json));
            assertBitEqual(y, Npy.read(npy));
            assertBitEqual(y, Csv.read(csv));
            // byte for byte what writing the whole array gives
            StringWriter whole = new StringWriter();
            JsonArrays.write(whole, y);
            assertEquals(whole.toString(), Files.readString(json));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            Npy.write(bytes, y);
            assertArrayEquals(bytes.toByteArray(), Files.readAllBytes(npy));
        }
        // the default batch, and standard output
        Run stdout = run("predict", MODEL.toString(), "--input", in.toString());
        assertEquals(0, stdout.code(), stdout.err());
        StringWriter csv = new StringWriter();
        Csv.write(csv, y);
        assertEquals(csv.toString(), stdout.out());
    }

    @Test
    void severalInputsStreamInStepAndSeveralOutputsAreGathered() throws Exception {
        Path c = KERAS3.resolve("functional_2in_2out");
        GoldenFile g = GoldenFile.read(c.resolve("io.h5"));
        KerasModel m = KerasModel.load(c.resolve("model.keras"));
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (GoldenFile.Array a : g.inputs()) in.put(a.name(), a.tensor());
        Map<String, Tensor> expected = m.predict(in);
        Path a = dir.resolve("a.csv"), b = dir.resolve("b.jsonl");
        try (var w = Files.newBufferedWriter(a)) {
            Csv.write(w, in.get("in_a"));
        }
        try (var w = Files.newBufferedWriter(b)) {
            JsonArrays.writeLines(w, in.get("in_b"));
        }
        Path npz = dir.resolve("y.npz"), json = dir.resolve("y.json");
        for (Path out : List.of(npz, json)) {
            Run r = run("predict", c.resolve("model.keras").toString(), "--input", "in_a=" + a, "--input", "in_b=" + b, "--output", out.toString(),
                    "--batch-size", "2");
            assertEquals(0, r.code(), r.err());
        }
        Map<String, Tensor> gotNpz = Npz.read(npz), gotJson = JsonArrays.readNamed(json);
        for (String name : expected.keySet()) {
            assertBitEqual(expected.get(name), gotNpz.get(name));
            assertBitEqual(expected.get(name), gotJson.get(name));
        }
        // inputs of different lengths are refused
        Path shortB = dir.resolve("short.jsonl");
        Files.writeString(shortB, Files.readAllLines(b).get(0) + "\n");
        Run r = run("predict", c.resolve("model.keras").toString(), "--input", "in_a=" + a, "--input", "in_b=" + shortB, "--output",
                dir.resolve("z.npz").toString(), "--batch-size", "2");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("inputs disagree on the number of rows"), r.err());
        assertFalse(Files.exists(dir.resolve("z.npz")));
    }

    @Test
    void wholeArraysAreSlicedByBatchSize() throws Exception {
        GoldenFile g = GoldenFile.read(KERAS3.resolve("dense_act_relu").resolve("io.h5"));
        Tensor x = g.inputs().get(0).tensor();
        Tensor y = KerasModel.load(MODEL).predict(Map.of("x", x)).values().iterator().next();
        Path in = dir.resolve("x.npy");
        Npy.write(in, x);
        Path out = dir.resolve("y.npy");
        Run r = run("predict", MODEL.toString(), "--input", in.toString(), "--output", out.toString(), "--batch-size", "4", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertBitEqual(y, Npy.read(out));
        assertEquals(1, run("predict", MODEL.toString(), "--input", in.toString(), "--batch-size", "0").code());
    }

    @Test
    void progressBarShowsAfterASecondOnlyWhenEnabled() {
        long[] now = {0};
        StringWriter s = new StringWriter();
        Progress p = new Progress(new PrintWriter(s), true, () -> now[0]);
        p.update(10, 100, 1000);
        assertEquals("", s.toString(), "nothing in the first second");
        now[0] = Progress.DELAY_NANOS + 1;
        p.update(50, 100, 5000);
        assertTrue(s.toString().startsWith("\r[###############               ]  50%  5,000 rows  1.0 s"), s.toString());
        int len = s.toString().length();
        now[0] += Progress.INTERVAL_NANOS / 2;
        p.update(60, 100, 6000);
        assertEquals(len, s.toString().length(), "at most five redraws a second");
        now[0] += Progress.INTERVAL_NANOS;
        p.update(100, 100, 10000);
        p.close();
        assertTrue(s.toString().contains("100%  10,000 rows") && s.toString().endsWith(System.lineSeparator()), s.toString());

        StringWriter off = new StringWriter();
        Progress q = new Progress(new PrintWriter(off), false, () -> now[0]);
        now[0] += 10 * Progress.DELAY_NANOS;
        q.update(1, 2, 3);
        q.close();
        assertEquals("", off.toString());
        assertEquals("  12 rows  2.0 s  6 rows/s", Progress.line(5, -1, 12, 2_000_000_000L), "unknown total: no bar");
    }

    private static void assertBitEqual(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.data(), actual.data());
    }

    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
