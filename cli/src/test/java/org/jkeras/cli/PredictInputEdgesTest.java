package org.jkeras.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

import org.jkeras.io.Npy;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Inputs that could mean two things: each is read as it was meant, or refused, never scored wrongly with exit code 0. */
class PredictInputEdgesTest {
    @TempDir
    Path dir;

    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Tensor io(String caseName, String group) {
        try (HdfFile h = new HdfFile(GOLDEN.resolve(caseName).resolve("io.h5"))) {
            Dataset d = h.getDatasetByPath(group + "/0");
            return new Tensor(Shape.of(d.getDimensions()), (float[]) d.getDataFlat());
        }
    }

    /** pandas' {@code DataFrame(x).to_csv(index=False)}: a first line 0,1,…,n−1 of column numbers. */
    private Path pandasCsv(Tensor x) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < x.rowSize(); j++) b.append(j == 0 ? "" : ",").append(j);
        b.append('\n');
        for (float[] row : x.toRows()) {
            for (int j = 0; j < row.length; j++) b.append(j == 0 ? "" : ",").append(row[j]);
            b.append('\n');
        }
        return Files.writeString(dir.resolve("pandas.csv"), b);
    }

    @Test
    void pandasNumericHeaderIsAHeaderAndSaysSo() throws Exception {
        Path model = GOLDEN.resolve("dense_act_relu").resolve("model.keras");
        Tensor x = io("dense_act_relu", "inputs"), y = io("dense_act_relu", "outputs");
        Path csv = pandasCsv(x);
        Run auto = run("predict", model.toString(), "--input", csv.toString());
        assertEquals(0, auto.code(), auto.err());
        String[] lines = auto.out().strip().split("\n");
        assertEquals(x.batch(), lines.length, "one output row per data row");
        for (int r = 0; r < lines.length; r++) {
            String[] f = lines[r].split(",");
            for (int j = 0; j < f.length; j++) {
                float e = y.data()[r * y.rowSize() + j];
                assertEquals(e, Float.parseFloat(f[j]), 1e-5 + 1e-5 * Math.abs(e));
            }
        }
        assertTrue(auto.err().contains("note:") && auto.err().contains("read as a header"), auto.err());

        Run asData = run("predict", model.toString(), "--input", csv.toString(), "--header", "no");
        assertEquals(0, asData.code(), asData.err());
        assertEquals(x.batch() + 1, asData.out().strip().split("\n").length, "--header no: the first line is a sample");
        assertTrue(asData.err().isEmpty(), asData.err());

        Run bad = run("predict", model.toString(), "--input", csv.toString(), "--header", "maybe");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--header maybe"), bad.err());
    }

    @Test
    void channelsFirstArrayIsRefusedNotReordered() throws Exception {
        Path model = GOLDEN.resolve("cnn_small").resolve("model.keras"); // input (None, 16, 16, 3)
        Tensor x = io("cnn_small", "inputs");
        Path cf = dir.resolve("cf.npy");
        Npy.write(cf, x.reshape(Shape.of(x.batch(), 3, 16, 16)));
        Run r = run("predict", model.toString(), "--input", cf.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("array of shape (4, 3, 16, 16) does not fit the model input (None, 16, 16, 3)"), r.err());
        assertTrue(r.err().contains("channels first"), r.err());

        // flattened rows (rank 2) and the exact sample shape stay accepted
        Path rows = dir.resolve("rows.npy");
        Npy.write(rows, x.reshape(Shape.of(x.batch(), 16 * 16 * 3)));
        assertEquals(0, run("predict", model.toString(), "--input", rows.toString()).code());
        Path exact = dir.resolve("exact.npy");
        Npy.write(exact, x);
        assertEquals(0, run("predict", model.toString(), "--input", exact.toString()).code());
    }
}
