package io.smartsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The emulator's SQLite file. Each call has a connection to itself, taken from a few kept open (opening
 * one costs more than most queries); WAL, a busy timeout and IMMEDIATE transactions let concurrent
 * requests write without "database is locked" failures. Safe to share across threads.
 */
final class EmulatorDatabase implements AutoCloseable {

    static final String FILE_NAME = "emulator.db";
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int MAX_IDLE_CONNECTIONS = 8;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

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
        Connection connection = null;
        boolean reusable = false;
        try {
            connection = borrow();
            T result = work.run(connection);
            reusable = connection.getAutoCommit();
            return result;
        } catch (SQLException e) {
            throw new EmulatorStoreException("emulator db " + file + ": " + e.getMessage(), e);
        } finally {
            giveBack(connection, reusable);
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
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Closes the connections kept open; calls after this open and close their own. */
    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            closeQuietly(c);
        }
    }

    private Connection borrow() throws SQLException {
        Connection kept = idle.poll();
        return kept != null ? kept : dataSource.getConnection();
    }

    /** A connection that failed or is mid-transaction is closed rather than kept. */
    private void giveBack(Connection connection, boolean reusable) {
        if (connection == null) {
            return;
        }
        if (reusable && !closed && idle.size() < MAX_IDLE_CONNECTIONS) {
            idle.push(connection);
            if (closed && idle.remove(connection)) {
                closeQuietly(connection);
            }
        } else {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with a connection that will not close
        }
    }
}
