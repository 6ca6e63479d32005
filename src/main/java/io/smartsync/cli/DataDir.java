package io.smartsync.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The data directory holds notes (PHI): it is created readable by its owner only. */
final class DataDir {
    private DataDir() {}

    static Path prepare(Path dir, String setting) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException | SecurityException e) {
            throw new SettingException(setting + ": cannot create the data directory " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Creates {@code file} readable by its owner only, before SQLite opens it: SQLite gives its journal
     * and WAL files the database file's permissions, so they stay private too.
     */
    static Path ownerOnlyFile(Path file) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                if (Files.notExists(file)) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException | SecurityException e) {
            throw new SettingException("cannot make " + file + " private to its owner: " + e.getMessage());
        }
    }
}
