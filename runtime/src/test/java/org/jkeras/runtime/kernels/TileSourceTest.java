package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tiles of {@link ConvVector} and {@link DenseVector} are exactly what {@link TileSource} writes, so the template
 * is their one source. With {@code -Djkeras.regenerateTiles=true} a stale file is rewritten instead of failing.
 */
class TileSourceTest {
    private static final String HOW = "edit TileSource, not the generated region, then rewrite it: from the repository root run\n"
            + "  java runtime/src/test/java/org/jkeras/runtime/kernels/TileSource.java runtime/src/main/java\n"
            + "or mvn -q test -pl runtime -am -Dtest=TileSourceTest -Dsurefire.failIfNoSpecifiedTests=false -Djkeras.regenerateTiles=true";

    @ParameterizedTest
    @ValueSource(strings = {TileSource.CONV_FILE, TileSource.DENSE_FILE})
    void generatedRegionIsUpToDate(String file) throws IOException {
        Path p = sourceRoot().resolve(file);
        String text = Files.readString(p), region = TileSource.region(text), expected = TileSource.generate(file);
        if (region.equals(expected)) return;
        if (Boolean.getBoolean("jkeras.regenerateTiles")) {
            Files.writeString(p, TileSource.splice(text, expected));
            assertEquals(expected, TileSource.region(Files.readString(p)));
            return;
        }
        String[] a = region.split("\n", -1), b = expected.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) line++;
        int at = text.substring(0, text.indexOf(region)).split("\n", -1).length + line;
        fail(p + " line " + at + " differs from TileSource:\n  file:      " + (line < a.length ? a[line].strip() : "(end)")
                + "\n  generated: " + (line < b.length ? b[line].strip() : "(end)") + "\n" + HOW);
    }

    /** runtime/src/main/java, whether the tests run from the module (Maven) or from the repository root. */
    private static Path sourceRoot() {
        Path module = Path.of("src/main/java");
        return Files.isDirectory(module.resolve("org/jkeras/runtime")) ? module : Path.of("runtime/src/main/java");
    }
}
