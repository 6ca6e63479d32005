package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first steps on the packaged jar (run in the verify phase, after shade built it): the demo
 * on a clean directory, the commands the README shows run as written (ports aside), the printed key and
 * password working, and a second start printing the same key.
 */
class FirstStepsJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target/smartsync.jar").toAbsolutePath();
    private static final Path README = Path.of("README.md").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void the_readme_first_steps_work_on_the_built_jar() throws Exception {
        assertThat(JAR).as("run after `package`: the shade jar").exists();
        String readme = Files.readString(README);
        int port = ServeProcess.freePort();
        int emulatorPort = ServeProcess.freePort();

        // Given the demo started as the README shows it, on a clean directory
        Demo first = Demo.start(dir, port, emulatorPort);
        String key = first.value("Admin API key:  (\\S+)");
        String password = first.value("password (\\S+) \\(shown once\\)");
        Path keyFile = dir.resolve("smartsync-data/admin-api-key");
        assertThat(Files.readString(keyFile).trim()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");

        // When the README's first selection runs as written, its answer says what the README says
        String select = line(readme, "curl -H \"Authorization: Bearer $KEY\" 'http://localhost:8080/api/client-notes");
        JsonNode answer = JSON.readTree(bash(select.replace("8080", Integer.toString(port)), Map.of("KEY", key)));
        Matcher claimed =
                Pattern.compile("Initial sync completed - (\\d+) notes loaded").matcher(readme);
        assertThat(claimed.find()).isTrue();
        assertThat(answer.path("data").path("sync").path("message").asText())
                .isEqualTo("Initial sync completed - " + claimed.group(1) + " notes loaded");

        // Then the printed password signs in, and the README's emulator token commands work
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("userId", "demo-admin", "password", password))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = line(readme, "TOKEN=$(curl");
        String rows = line(readme, "curl -H \"Authorization: Bearer $TOKEN\"");
        String emulator = String.join("\n", token, rows).replace("8081", Integer.toString(emulatorPort));
        JsonNode read = JSON.readTree(bash(emulator, Map.of()));
        assertThat(read.path("Result").size()).isEqualTo(Integer.parseInt(claimed.group(1)));
        first.stop();

        // And a later start on the same directory prints the same key, which still works
        Demo again = Demo.start(dir, port, emulatorPort);
        assertThat(again.value("Admin API key:  (\\S+)")).isEqualTo(key);
        assertThat(bash(select.replace("8080", Integer.toString(port)), Map.of("KEY", key)))
                .contains("\"success\":true");
        again.stop();

        // And neither start wrote a terminal escape into its output or its log
        assertThat(first.text() + again.text()).doesNotContain("\u001b");
    }

    @Test
    void dev_run_runs_a_command_with_java_21_where_the_default_java_is_older() throws Exception {
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin");
        Assumptions.assumeTrue(Files.isExecutable(old.resolve("java")), "a Java 17 to shadow");
        Path data = Files.createDirectories(dir.resolve("data"));
        ProcessBuilder b = new ProcessBuilder("bash", "./dev", "run", "users", "list", "--data-dir", data.toString())
                .directory(JAR.getParent().getParent().toFile())
                .redirectErrorStream(true);
        b.environment().remove("JAVA_HOME");
        b.environment().put("PATH", old + ":" + b.environment().get("PATH"));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("USER ").doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void users_list_without_a_data_directory_says_so_and_creates_none() throws Exception {
        Process p = new ProcessBuilder(jar("users", "list"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("--data-dir");
        assertThat(dir.resolve("smartsync-data")).doesNotExist();
    }

    private static String line(String readme, String start) {
        return readme.lines()
                .map(String::strip)
                .filter(l -> l.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("README has no line starting " + start));
    }

    private String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(script + "\n" + out).isZero();
        return out;
    }

    /** {@code java -jar target/smartsync.jar} with this JVM's java, as a service JVM is started. */
    private static List<String> jar(String... args) {
        List<String> command = ServeProcess.java(List.of());
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** `java -jar target/smartsync.jar demo` in its own process, as the README runs it. */
    private record Demo(Process process, Path out) {
        static Demo start(Path dir, int port, int emulatorPort) throws IOException {
            List<String> command =
                    jar("demo", "--port", Integer.toString(port), "--emulator-port", Integer.toString(emulatorPort));
            Path out = Files.createTempFile(dir.getParent(), "demo", ".out");
            ProcessBuilder b = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectErrorStream(true); // the log too: what a user sees in the terminal
            b.environment().keySet().removeIf(k -> k.startsWith("SMARTSYNC_"));
            Demo demo = new Demo(b.start(), out);
            await().atMost(Duration.ofSeconds(90)).until(() -> demo.text().contains("Try: curl"));
            return demo;
        }

        String text() throws IOException {
            return Files.readString(out);
        }

        String value(String regex) throws IOException {
            Matcher m = Pattern.compile(regex).matcher(text());
            assertThat(m.find()).as(text()).isTrue();
            return m.group(1);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
