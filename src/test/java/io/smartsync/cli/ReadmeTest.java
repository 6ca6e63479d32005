package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the repository's Markdown files promise a new user: links that resolve here, the Java the jar needs. */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final Pattern LINK =
            Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)|(?:href|src)=\"([^\"]+)\"");
    private static final String JAR_LINE = "java -jar target/smartsync.jar";

    @Test
    void every_relative_link_resolves_to_a_file_inside_the_repository() throws IOException {
        List<String> links = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Path doc : markdown()) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // a URL (http:, mailto:) or an anchor in the same file
                }
                links.add(target);
                Path file =
                        doc.getParent().resolve(target.replaceAll("#.*", "")).normalize();
                if (!file.startsWith(ROOT) || file.startsWith(ROOT.resolve("target")) || !Files.exists(file)) {
                    broken.add(ROOT.relativize(doc) + ": " + target);
                }
            }
        }
        assertThat(links)
                .as("the README links its screenshots and BENCHMARKS.md")
                .isNotEmpty();
        assertThat(broken).isEmpty();
    }

    @Test
    void each_file_with_java_jar_lines_says_they_need_java_21_by_the_first_one() throws IOException {
        List<Path> withJarLines = new ArrayList<>();
        for (Path doc : markdown()) {
            String text = Files.readString(doc);
            int first = text.indexOf(JAR_LINE);
            if (first < 0) {
                continue;
            }
            withJarLines.add(doc);
            int paragraphEnd = text.indexOf("\n\n", first);
            String before = text.substring(0, paragraphEnd < 0 ? text.length() : paragraphEnd);
            assertThat(before)
                    .as(ROOT.relativize(doc) + " says which Java its java -jar lines need, by the first one")
                    .contains("Java 21 or newer")
                    .contains("./dev run");
        }
        assertThat(withJarLines).contains(ROOT.resolve("README.md"));
    }

    private static List<Path> markdown() throws IOException {
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
        }
        Path more = ROOT.resolve("docs");
        if (Files.isDirectory(more)) {
            try (Stream<Path> inDocs = Files.walk(more)) {
                inDocs.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
            }
        }
        return docs;
    }
}
