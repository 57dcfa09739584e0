package org.jkeras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.jkeras.exceptions.JKerasException;

/** Every exception class jkeras defines extends {@link JKerasException}, so one catch handles them all. */
class JKerasExceptionTest {
    /** The library modules, each on this module's test classpath. */
    private static final List<String> MODULES = List.of("activations", "runtime", "importer", "io", "junit");
    private static final Pattern THROWABLE = Pattern.compile("\\bclass\\s+(\\w+)(?:<[^>]*>)?\\s+extends\\s+([\\w.]+(?:Exception|Error|Throwable))\\b");

    @Test
    void everyExceptionOfJkerasIsAJKerasException() throws IOException, ClassNotFoundException {
        List<Class<?>> found = exceptionClasses();
        TreeSet<String> names = new TreeSet<>();
        for (Class<?> c : found) names.add(c.getSimpleName());
        assertTrue(names.containsAll(List.of("KerasImportException", "UnsupportedModelException", "PredictException",
                "UnknownActivationException", "ArrayFileException")), "the scan finds the known ones: " + names);
        List<String> outside = new ArrayList<>();
        for (Class<?> c : found) {
            if (!JKerasException.class.isAssignableFrom(c)) outside.add(c.getName() + " extends " + c.getSuperclass().getName());
        }
        assertEquals(List.of(), outside, "exceptions that are not JKerasExceptions");
    }

    /** Every class declared in the modules' main sources that extends an exception, error or throwable. */
    private static List<Class<?>> exceptionClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("").toAbsolutePath().getParent();   // tests run in the module's folder
        List<Class<?>> out = new ArrayList<>();
        for (String module : MODULES) {
            Path src = root.resolve(module).resolve("src/main/java");
            List<Path> files;
            try (Stream<Path> s = Files.walk(src)) {
                files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path f : files) {
                String pkg = src.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
                String outer = f.getFileName().toString().replace(".java", "");
                Matcher m = THROWABLE.matcher(Files.readString(f));
                while (m.find()) {
                    String simple = m.group(1);
                    out.add(Class.forName(pkg + "." + (simple.equals(outer) ? outer : outer + "$" + simple)));
                }
            }
        }
        return out;
    }
}
