package io.smartsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Rooms a newcomer can read: no main source file over {@value #MAX_FILE_LINES} lines, no method or
 * constructor over {@value #MAX_METHOD_LINES}, measured by the JDK's own parser from its first line
 * (annotations included, javadoc not) to its closing brace.
 */
class SourceSizeTest {
    private static final int MAX_FILE_LINES = 400;
    private static final int MAX_METHOD_LINES = 60;
    private static final Path MAIN = Path.of("src/main/java");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void no_main_file_is_over_400_lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path p : sources()) {
            long lines = Files.readAllLines(p).size();
            if (lines > MAX_FILE_LINES) {
                tooLong.add(MAIN.relativize(p) + " (" + lines + " lines)");
            }
        }
        assertThat(tooLong).as("main files over %d lines", MAX_FILE_LINES).isEmpty();
    }

    @Test
    void no_method_is_over_60_lines() throws IOException {
        List<Path> files = sources();
        assertThat(files).as("main sources found under %s", MAIN).hasSizeGreaterThan(100);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> tooLong = new ArrayList<>();
        int methods = 0;
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null, fm, d -> {}, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                LineMap lines = unit.getLineMap();
                List<String> found = new ArrayList<>();
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethod(MethodTree m, Void unused) {
                        if (m.getBody() != null) {
                            long first = lines.getLineNumber(positions.getStartPosition(unit, m));
                            long last = lines.getLineNumber(positions.getEndPosition(unit, m));
                            long length = last - first + 1;
                            found.add(
                                    length > MAX_METHOD_LINES
                                            ? Path.of(unit.getSourceFile().toUri())
                                                            .getFileName() + " " + m.getName() + " (" + length
                                                    + " lines)"
                                            : "");
                        }
                        return super.visitMethod(m, unused);
                    }
                }.scan(unit, null);
                methods += found.size();
                found.stream().filter(s -> !s.isEmpty()).forEach(tooLong::add);
            }
        }
        assertThat(methods).as("methods measured").isGreaterThan(1000);
        assertThat(tooLong).as("methods over %d lines", MAX_METHOD_LINES).isEmpty();
    }
}
