package io.smartsync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * sqlite-jdbc copies its native library to the temp directory at every start and deletes it only on a
 * clean exit, so each killed JVM leaves a 1.1 MB file behind. Here it is copied once into
 * {@code <data dir>/lib/sqlite-<version>/} (owner-only, like the rest of the directory) and loaded from
 * there through sqlite-jdbc's own {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}. It must
 * run before the first SQLite connection of the JVM; a platform sqlite-jdbc has no library for keeps the
 * library's own behaviour.
 */
final class NativeSqlite {
    private static final Logger log = LoggerFactory.getLogger(NativeSqlite.class);

    private NativeSqlite() {}

    static void prepare(Path dataDir) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // set by the operator, or by an earlier start in this JVM
        }
        String name = System.mapLibraryName("sqlitejdbc");
        if (name.endsWith(".dylib") || name.endsWith(".jnilib")) {
            name = "libsqlitejdbc.dylib";
        }
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        byte[] library;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            library = in.readAllBytes();
        } catch (IOException e) {
            log.warn("cannot read the SQLite native library from the jar ({}); sqlite-jdbc extracts it", e.toString());
            return;
        }
        Path dir = DataDir.prepare(dataDir.resolve("lib").resolve("sqlite-" + SQLiteJDBCLoader.getVersion()), "lib");
        Path file = dir.resolve(name);
        try {
            if (!Files.isRegularFile(file) || !Arrays.equals(sha256(Files.readAllBytes(file)), sha256(library))) {
                Path partial = Files.createTempFile(dir, name, ".partial");
                Files.write(partial, library);
                move(partial, file);
            }
        } catch (IOException e) {
            log.warn("cannot place the SQLite native library in {} ({}); sqlite-jdbc extracts it", dir, e.toString());
            return;
        }
        System.setProperty("org.sqlite.lib.path", dir.toString());
        System.setProperty("org.sqlite.lib.name", name);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
