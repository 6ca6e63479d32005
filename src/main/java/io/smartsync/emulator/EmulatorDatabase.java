package io.smartsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The emulator's SQLite file. Each call gets its own connection; WAL, a busy timeout and IMMEDIATE
 * transactions let concurrent requests write without "database is locked" failures. Safe to share
 * across threads.
 */
final class EmulatorDatabase {

    static final String FILE_NAME = "emulator.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final SQLiteDataSource dataSource;

    private EmulatorDatabase(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Creates the directory (owner-only where POSIX permissions exist) and opens the file in it. */
    static EmulatorDatabase open(Path dataDir) {
        try {
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dataDir)) {
                if (posix) {
                    Files.createDirectories(
                            dataDir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            Path file = dataDir.resolve(FILE_NAME);
            if (posix && !Files.exists(file)) {
                // SQLite gives its -wal and -shm files the main file's mode, so this covers all three.
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return new EmulatorDatabase(file);
        } catch (IOException e) {
            throw new UncheckedIOException("emulator: cannot prepare data directory " + dataDir, e);
        }
    }

    Path file() {
        return file;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new EmulatorStoreException("emulator db " + file + ": " + e.getMessage(), e);
        }
    }

    <T> T inTransaction(SqlWork<T> work) {
        return withConnection(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        });
    }
}
