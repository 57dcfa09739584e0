package org.jkeras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public or protected type, constructor, method and field of the API has a doc comment (javadoc's own check
 * is off in the build, {@code -Xdoclint:all,-missing}, so this test is where a missing one fails). The sources are
 * read from the repository, found above the working directory.
 */
class ApiDocCommentsTest {
    /** Whole packages (without their subpackages), relative to the repository root. */
    private static final List<String> API_PACKAGES = List.of(
            "activations/src/main/java/org/jkeras/activations",
            "activations/src/main/java/org/jkeras/exceptions",
            "runtime/src/main/java/org/jkeras/runtime",
            "importer/src/main/java/org/jkeras",
            "io/src/main/java/org/jkeras/io",
            "io/src/main/java/org/jkeras/io/golden",
            "junit/src/main/java/org/jkeras/junit");
    /** The types of org.jkeras.importer that a user meets: extension points and what they hand out. */
    private static final String IMPORTER = "importer/src/main/java/org/jkeras/importer/";
    private static final List<String> API_FILES = Stream.of("LayerMapper", "MapContext", "Config", "ModelInfo",
            "FileFormat", "Registry", "LayerSpec", "TensorRef", "WeightArray").map(t -> IMPORTER + t + ".java").toList();

    @Test
    void everyPublicDeclarationOfTheApiHasADocComment() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = new ArrayList<>();
        for (String dir : API_PACKAGES) {
            try (Stream<Path> s = Files.list(root.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        API_FILES.forEach(f -> files.add(root.resolve(f)));
        assertTrue(files.size() > 60, "API sources found under " + root + ": " + files.size());

        List<JavaFileObject> sources = new ArrayList<>();
        for (Path f : files) sources.add(source(root.relativize(f).toString(), Files.readString(f)));
        List<String> missing = undocumented(sources);
        assertTrue(missing.isEmpty(), missing.size() + " public or protected declarations without a doc comment:\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void findsEachKindOfUndocumentedDeclaration() throws IOException {
        String code = """
                package p;
                /** Documented. */
                public class A {
                    public int field;
                    /** Documented. */
                    protected A() {}
                    public A(int x) {}
                    /** */
                    public void blank() {}
                    @Override
                    public String toString() { return ""; }
                    void packagePrivate() {}
                    private static final class Hidden { public void notApi() {} }
                    /** Documented. */
                    public interface I { void implicitlyPublic(); int CONSTANT = 1; }
                    public enum E { ONE, /** Documented. */ TWO }
                    /**
                     * A record.
                     * @param x documented
                     */
                    public record R(int x, int y) {
                        /** Documented. */
                        public R {}
                        public int x() { return x; }
                    }
                }
                class Internal { public void notApi() {} }
                /** No constructor: javadoc shows a default one, without a comment. */
                public class B {}
                """;
        assertEquals(List.of(
                "A.java:4: field field",
                "A.java:7: constructor A(int)",
                "A.java:9: method blank() (empty comment)",
                "A.java:15: method implicitlyPublic()",
                "A.java:15: field CONSTANT",
                "A.java:16: enum E",
                "A.java:16: field ONE",
                "A.java:21: record R: no @param for component y",
                "A.java:29: class B: default constructor (declare it, with a comment, or make it private)"),
                undocumented(List.of(source("A.java", code))));
    }

    /** Where the modules sit: the first folder at or above the working directory that holds them. */
    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("runtime/src/main/java")) && Files.isDirectory(d.resolve("importer/src/main/java"))) {
                return d;
            }
        }
        throw new IllegalStateException("no jkeras checkout at or above " + Path.of("").toAbsolutePath());
    }

    private static JavaFileObject source(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    /** "file:line: kind name" of each public or protected declaration, visible from outside, without a doc comment. */
    static List<String> undocumented(List<JavaFileObject> sources) throws IOException {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, null, List.of("-proc:none"), null, sources);
        DocTrees trees = DocTrees.instance(task);
        SourcePositions positions = trees.getSourcePositions();
        List<String> out = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            String file = unit.getSourceFile().toUri().getPath().replaceFirst("^/", "");
            CharSequence text = unit.getSourceFile().getCharContent(true);
            new TreePathScanner<Void, Void>() {
                /** Whether the type being scanned is itself visible outside its package, and is an interface. */
                private boolean inVisible = true;
                private boolean inInterface = false;
                private ClassTree record = null;

                private void report(Tree t, String what) {
                    long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, t));
                    out.add(file + ":" + line + ": " + what);
                }

                private boolean visible(ModifiersTree m) {
                    Set<Modifier> f = m.getFlags();
                    if (f.contains(Modifier.PRIVATE)) return false;
                    return inVisible && (inInterface || f.contains(Modifier.PUBLIC) || f.contains(Modifier.PROTECTED));
                }

                /** Reports a missing or empty comment; true when there is text. */
                private boolean documented(Tree t, String what) {
                    String doc = trees.getDocComment(getCurrentPath());
                    if (doc == null) report(t, what);
                    else if (doc.isBlank()) report(t, what + " (empty comment)");
                    return doc != null && !doc.isBlank();
                }

                @Override
                public Void visitClass(ClassTree c, Void unused) {
                    boolean visible = getCurrentPath().getParentPath().getLeaf() instanceof CompilationUnitTree
                            ? c.getModifiers().getFlags().contains(Modifier.PUBLIC)
                            : visible(c.getModifiers());
                    String kind = switch (c.getKind()) {
                        case INTERFACE -> "interface";
                        case ENUM -> "enum";
                        case RECORD -> "record";
                        case ANNOTATION_TYPE -> "annotation";
                        default -> "class";
                    };
                    if (visible && documented(c, kind + " " + c.getSimpleName())) {
                        if (c.getKind() == Tree.Kind.RECORD) checkComponentsDocumented(c);
                    }
                    if (visible && c.getKind() == Tree.Kind.CLASS
                            && c.getMembers().stream().noneMatch(m -> m instanceof MethodTree mt && isConstructor(mt))) {
                        report(c, "class " + c.getSimpleName() + ": default constructor (declare it, with a comment, or make it private)");
                    }
                    boolean wasVisible = inVisible, wasInterface = inInterface;
                    ClassTree wasRecord = record;
                    inVisible = visible;
                    inInterface = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
                    record = c.getKind() == Tree.Kind.RECORD ? c : null;
                    try {
                        return super.visitClass(c, unused);
                    } finally {
                        inVisible = wasVisible;
                        inInterface = wasInterface;
                        record = wasRecord;
                    }
                }

                private void checkComponentsDocumented(ClassTree r) {
                    DocCommentTree doc = trees.getDocCommentTree(getCurrentPath());
                    Set<String> params = doc.getBlockTags().stream()
                            .filter(t -> t.getKind() == DocTree.Kind.PARAM)
                            .map(t -> ((ParamTree) t).getName().getName().toString())
                            .collect(Collectors.toSet());
                    for (String component : components(r)) {
                        if (!params.contains(component)) {
                            report(r, "record " + r.getSimpleName() + ": no @param for component " + component);
                        }
                    }
                }

                @Override
                public Void visitMethod(MethodTree m, Void unused) {
                    if (!visible(m.getModifiers()) || overrides(m) || recordMember(m)) return null;
                    String params = m.getParameters().stream().map(p -> p.getType().toString()).collect(Collectors.joining(","));
                    String name = isConstructor(m) ? "constructor " + ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName()
                            : "method " + m.getName();
                    documented(m, name + "(" + params + ")");
                    return null;    // nothing inside a body is API
                }

                /** A compact constructor, {@code R {...}}: no parenthesis between its modifiers and its body. */
                private boolean isCompact(MethodTree m) {
                    long from = positions.getEndPosition(unit, m.getModifiers());
                    if (from < 0) from = positions.getStartPosition(unit, m);
                    return text.subSequence((int) from, (int) positions.getStartPosition(unit, m.getBody())).chars().noneMatch(ch -> ch == '(');
                }

                @Override
                public Void visitVariable(VariableTree v, Void unused) {
                    if (visible(v.getModifiers())) documented(v, "field " + v.getName());
                    return null;
                }

                /** A record's canonical constructor and accessors are documented by the record's @param tags. */
                private boolean recordMember(MethodTree m) {
                    if (record == null) return false;
                    List<String> components = components(record);
                    if (isConstructor(m)) {
                        return isCompact(m) || m.getParameters().stream().map(p -> p.getName().toString()).toList().equals(components);
                    }
                    return m.getParameters().isEmpty() && components.contains(m.getName().toString());
                }
            }.scan(unit, null);
        }
        return out;
    }

    private static boolean isConstructor(MethodTree m) {
        return m.getName().contentEquals("<init>");
    }

    /** An overriding method inherits the comment of the one it overrides. */
    private static boolean overrides(MethodTree m) {
        for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            String name = a.getAnnotationType().toString();
            if (name.equals("Override") || name.equals("java.lang.Override")) return true;
        }
        return false;
    }

    /** A record's components: its only instance fields. */
    private static List<String> components(ClassTree record) {
        return record.getMembers().stream()
                .filter(m -> m instanceof VariableTree v && !v.getModifiers().getFlags().contains(Modifier.STATIC))
                .map(m -> ((VariableTree) m).getName().toString())
                .toList();
    }
}
