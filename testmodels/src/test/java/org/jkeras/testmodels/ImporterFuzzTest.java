package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;

/**
 * Mutated Keras files of all three forms: every one must load or fail with a {@link KerasImportException},
 * within a time bound, never with another exception or an OutOfMemoryError. Seeded and bounded for CI
 * ({@code -Djkeras.fuzz.count=N} for a longer run, {@code -Djkeras.fuzz.seed=S} for another sequence).
 */
class ImporterFuzzTest {
    enum Mutation { BYTE_FLIPS, TRUNCATION, SPLICE, JSON_VALUE, JSON_KEY_REMOVED, JSON_GRAPH, ZIP_ENTRY }

    private static final int COUNT = Integer.getInteger("jkeras.fuzz.count", 10_500);
    private static final long SEED = Long.getLong("jkeras.fuzz.seed", 20261128L);
    /** A hang, not a slow machine: loads take milliseconds; the bound leaves room for a heavily shared CI box. */
    private static final long TIME_BOUND_MS = 30_000;

    @TempDir
    Path dir;

    private long slowestMs;
    private String slowest = "";

    /** One seed model: its single-file forms and its JSON config with weights. */
    private record Seed(String name, byte[] h5, byte[] keras, String json, Path weights) {
    }

    @Test
    void mutatedFilesFailCleanly() throws Exception {
        List<Seed> seeds = seeds();
        Random r = new Random(SEED);
        Map<Mutation, int[]> counts = new EnumMap<>(Mutation.class); // mutation -> {cases, loaded, clean errors}
        Map<String, Integer> forms = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(t -> {
            Thread th = new Thread(t, "fuzz");
            th.setDaemon(true);
            return th;
        });
        try {
            for (int i = 0; i < COUNT && failures.size() < 20; i++) {
                Seed s = seeds.get(r.nextInt(seeds.size()));
                Mutation m = Mutation.values()[r.nextInt(Mutation.values().length)];
                int form = r.nextInt(3); // 0 .h5, 1 .keras, 2 .json + weights
                if ((m == Mutation.ZIP_ENTRY && form != 1) || s.h5() == null && form == 0) form = 1;
                String label = s.name() + " " + m + " #" + i;
                Path file;
                Path weights = null;
                switch (form) {
                    case 0 -> file = write("m" + i + ".h5", mutateBytes(s.h5(), m, r, seeds));
                    case 1 -> file = write("m" + i + ".keras", m.name().startsWith("JSON") ? rezip(s.keras(), m, r) : m == Mutation.ZIP_ENTRY
                            ? zipEntries(s.keras(), r) : mutateBytes(s.keras(), m, r, seeds));
                    default -> {
                        byte[] cfg = m.name().startsWith("JSON") ? mutateJson(s.json(), m, r) : mutateBytes(s.json().getBytes(StandardCharsets.UTF_8), m, r, seeds);
                        file = write("m" + i + ".json", cfg);
                        weights = r.nextBoolean() ? s.weights() : write("w" + i + ".h5", mutateBytes(Files.readAllBytes(s.weights()), m == Mutation.JSON_VALUE
                                || m == Mutation.JSON_KEY_REMOVED || m == Mutation.JSON_GRAPH ? Mutation.BYTE_FLIPS : m, r, seeds));
                    }
                }
                forms.merge(form == 0 ? "h5" : form == 1 ? "keras" : "json+weights", 1, Integer::sum);
                int[] c = counts.computeIfAbsent(m, k -> new int[3]);
                c[0]++;
                Path f = file, w = weights;
                Future<String> outcome = pool.submit(() -> {
                    try {
                        KerasModel model = w == null ? KerasModel.load(f) : KerasModel.load(f, w);
                        // what loads must also predict (or refuse the input with a message), never crash
                        try {
                            model.predict(zeros(model));
                        } catch (IllegalArgumentException e) {
                            if (e.getMessage() == null) return "FAIL: predict: " + e;
                        }
                        return "loaded " + model.outputNames().size();
                    } catch (KerasImportException e) {
                        if (e.getMessage() == null || e.getMessage().isBlank()) return "FAIL: KerasImportException without a message";
                        return "error";
                    } catch (Throwable t) {
                        return "FAIL: " + t.getClass().getName() + ": " + t.getMessage();
                    }
                });
                String result;
                long t0 = System.nanoTime();
                try {
                    result = outcome.get(TIME_BOUND_MS, TimeUnit.MILLISECONDS);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (ms > slowestMs) {
                        slowestMs = ms;
                        slowest = label;
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    result = "FAIL: no answer within " + TIME_BOUND_MS + " ms";
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor();
                }
                if (result.startsWith("FAIL")) failures.add(label + " (" + (form == 0 ? "h5" : form == 1 ? "keras" : "json") + "): " + result);
                else if (result.startsWith("loaded")) c[1]++;
                else c[2]++;
                Files.deleteIfExists(file);
                if (weights != null && !weights.equals(s.weights())) Files.deleteIfExists(weights);
            }
        } finally {
            pool.shutdownNow();
        }
        StringBuilder report = new StringBuilder("fuzz seed " + SEED + ", " + COUNT + " cases, forms " + forms + ", slowest " + slowestMs
                + " ms (" + slowest + ")\n");
        counts.forEach((m, c) -> report.append(String.format("  %-16s %6d cases, %6d loaded, %6d clean errors%n", m, c[0], c[1], c[2])));
        System.out.print(report);
        assertTrue(failures.isEmpty(), report + String.join("\n", failures));
    }

    /** Two samples of zeros for every input, unknown dimensions taken as 3. */
    private static org.jkeras.runtime.Tensor[] zeros(KerasModel m) {
        org.jkeras.runtime.Tensor[] in = new org.jkeras.runtime.Tensor[m.inputShapes().size()];
        for (int i = 0; i < in.length; i++) {
            int[] d = m.inputShapes().get(i).dims();
            for (int k = 0; k < d.length; k++) if (d[k] < 0) d[k] = 3;
            in[i] = org.jkeras.runtime.Tensor.zeros(org.jkeras.runtime.Shape.of(d).prepend(2));
        }
        return in;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private List<Seed> seeds() throws IOException {
        List<Seed> out = new ArrayList<>();
        Path root = GoldenCase.root().resolve("keras3");
        for (String c : new String[] {"dense_act_relu", "layer_leaky_relu", "layer_prelu", "batchnorm_dense", "functional_2in_2out",
                "nested_sequential", "shared_layer", "layer_softmax_axis", "activation_probe"}) {
            Path d = root.resolve(c);
            out.add(new Seed(c, Files.readAllBytes(d.resolve("model.h5")), Files.readAllBytes(d.resolve("model.keras")),
                    Files.readString(d.resolve("model.json")), d.resolve("model.weights.h5")));
        }
        Path pub = GoldenCase.root().resolve("keras-public");
        for (String c : new String[] {"ELU_0", "simple_sparse_xent_mlp_keras_2"}) {
            Path d = pub.resolve(c);
            out.add(new Seed(c, Files.readAllBytes(d.resolve(c + "_model.h5")), Files.readAllBytes(root.resolve("dense_act_relu").resolve("model.keras")),
                    Files.readString(d.resolve(c + "_config.json")), d.resolve(c + "_weights.h5")));
        }
        return out;
    }

    private static byte[] mutateBytes(byte[] src, Mutation m, Random r, List<Seed> seeds) {
        byte[] b = src.clone();
        switch (m) {
            case TRUNCATION -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case SPLICE -> {
                byte[] other = seeds.get(r.nextInt(seeds.size())).keras();
                int at = r.nextInt(b.length), from = r.nextInt(other.length), len = Math.min(1 + r.nextInt(4096), Math.min(b.length - at, other.length - from));
                System.arraycopy(other, from, b, at, len);
            }
            default -> {
                int flips = 1 + r.nextInt(r.nextBoolean() ? 4 : 64);
                // most structure (superblock, object headers, zip directory) sits at the ends: favour them
                for (int k = 0; k < flips; k++) {
                    int pos = r.nextInt(4) == 0 ? r.nextInt(Math.min(b.length, 4096)) : r.nextInt(b.length);
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                }
            }
        }
        return b;
    }

    /** A .keras archive with config.json mutated as JSON and re-zipped. */
    private static byte[] rezip(byte[] keras, Mutation m, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(keras)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("config.json")) data = mutateJson(new String(data, StandardCharsets.UTF_8), m, r);
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Zip-level damage: dropped, duplicated or renamed entries, an entry pointing outside the archive. */
    private static byte[] zipEntries(byte[] keras, Random r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int what = r.nextInt(4);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(keras)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            int i = 0, victim = r.nextInt(3);
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                String name = e.getName();
                if (i++ == victim) {
                    if (what == 0) continue;                     // dropped
                    if (what == 1) name = "../" + name;          // outside the root
                    if (what == 2) name = name + ".bak";         // renamed
                    if (what == 3) {                             // duplicated under a near name
                        z.putNextEntry(new ZipEntry("./" + name));
                        z.write(data);
                        z.closeEntry();
                    }
                }
                z.putNextEntry(new ZipEntry(name));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Wrong types, absurd numbers, missing keys, cycles, dangling and duplicated layers in a model config. */
    private static byte[] mutateJson(String json, Mutation m, Random r) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        JsonArray layers = layers(root);
        if (layers == null || layers.isEmpty()) return json.getBytes(StandardCharsets.UTF_8);
        JsonObject layer = layers.get(r.nextInt(layers.size())).getAsJsonObject();
        JsonObject cfg = layer.get("config") instanceof JsonObject c ? c : new JsonObject();
        List<String> keys = new ArrayList<>(cfg.keySet());
        switch (m) {
            case JSON_VALUE -> {
                if (keys.isEmpty()) break;
                String k = keys.get(r.nextInt(keys.size()));
                JsonElement[] values = {new JsonPrimitive(Integer.MAX_VALUE), new JsonPrimitive(-1), new JsonPrimitive(0), new JsonPrimitive(1e300),
                        new JsonPrimitive("x"), new JsonArray(), new JsonObject(), com.google.gson.JsonNull.INSTANCE, new JsonPrimitive(true),
                        hugeShape(r), new JsonPrimitive(2.5)};
                cfg.add(k, values[r.nextInt(values.length)]);
            }
            case JSON_KEY_REMOVED -> {
                if (r.nextBoolean() && !keys.isEmpty()) cfg.remove(keys.get(r.nextInt(keys.size())));
                else {
                    List<String> top = new ArrayList<>(layer.keySet());
                    layer.remove(top.get(r.nextInt(top.size())));
                }
            }
            default -> { // graph damage
                String other = name(layers.get(r.nextInt(layers.size())).getAsJsonObject());
                switch (r.nextInt(4)) {
                    case 0 -> { // duplicated name
                        cfg.addProperty("name", other);
                        layer.addProperty("name", other);
                    }
                    case 1 -> layer.add("inbound_nodes", inbound(other, r)); // a cycle or a forward reference
                    case 2 -> layer.add("inbound_nodes", inbound("ghost_layer", r));
                    default -> layers.add(layers.get(r.nextInt(layers.size())).deepCopy());
                }
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonArray hugeShape(Random r) {
        JsonArray a = new JsonArray();
        a.add(com.google.gson.JsonNull.INSTANCE);
        for (int i = 0; i < 1 + r.nextInt(4); i++) a.add(r.nextBoolean() ? 1 << 30 : -7);
        return a;
    }

    private static JsonArray inbound(String layer, Random r) {
        JsonArray ref = new JsonArray();
        ref.add(layer);
        ref.add(r.nextInt(3) - 1);
        ref.add(r.nextInt(2));
        ref.add(new JsonObject());
        JsonArray node = new JsonArray();
        node.add(ref);
        JsonArray nodes = new JsonArray();
        nodes.add(node);
        return nodes;
    }

    private static String name(JsonObject layer) {
        if (layer.get("name") instanceof JsonPrimitive p) return p.getAsString();
        if (layer.get("config") instanceof JsonObject c && c.get("name") instanceof JsonPrimitive p) return p.getAsString();
        return "?";
    }

    private static JsonArray layers(JsonObject root) {
        JsonElement c = root.get("config");
        if (c instanceof JsonArray a) return a;
        if (c instanceof JsonObject o && o.get("layers") instanceof JsonArray a) return a;
        return null;
    }
}
