package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.jkeras.junit.GoldenCases;

/**
 * jkeras-junit's discovery on our own golden folders: it finds exactly the file forms and golden files that
 * case.json lists, and its three-line {@code @TestFactory} runs the Keras 1/2 files as a user's suite would.
 */
class GoldenScanTest {

    @Test
    void discoveryFindsTheFormsCaseJsonLists() throws Exception {
        for (String kind : List.of("keras3", "keras-public")) {
            Path root = GoldenCase.root().resolve(kind);
            List<GoldenCase> listed = kind.equals("keras3") ? GoldenCase.keras3() : GoldenCase.kerasPublic();
            Map<String, TreeSet<String>> expected = new TreeMap<>(), found = new TreeMap<>();
            for (GoldenCase c : listed) expected.put(c.name(), c.forms().stream().map(GoldenCase.Form::label).collect(Collectors.toCollection(TreeSet::new)));
            for (GoldenCases.Case c : GoldenCases.find(root)) {
                found.put(c.name(), c.models().stream().map(GoldenCases.ModelFile::label).collect(Collectors.toCollection(TreeSet::new)));
                GoldenCase g = listed.stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow();
                assertEquals(g.golden().toAbsolutePath().normalize(), c.golden().toAbsolutePath().normalize(), c.name() + ": golden file");
            }
            assertEquals(expected, found, kind);
        }
    }

    /** The fixture tools/save_golden.py wrote (tools/example/make_example.py): model.keras checked against golden.h5. */
    @TestFactory
    Stream<DynamicTest> saveGoldenExample() {
        return GoldenCases.scan(GoldenCase.root().resolve("tools").resolve("example"));
    }

    /** What a user writes: every Keras 1/2 case under keras-public/, at the tolerance in its case.json. */
    @TestFactory
    Stream<DynamicTest> kerasPublicAsAUserSuite() {
        return GoldenCases.scan(GoldenCase.root().resolve("keras-public"));
    }
}
