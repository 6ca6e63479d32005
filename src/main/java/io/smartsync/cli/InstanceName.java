package io.smartsync.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance's name, the owner of its outbox claims. Kept in the data directory, so an instance that
 * restarts on the same directory is the same instance and takes back at once the claims its crashed run
 * left, while instances sharing a PostgreSQL store, each on its own directory, never take each other's.
 * The directory is locked while the process runs: a second process on the same directory gets a name of
 * its own instead (whose claims then wait for their lease if it dies). Thread-safe.
 */
final class InstanceName {
    private static final Logger log = LoggerFactory.getLogger(InstanceName.class);
    private static final String FILE = "instance-name";
    private static final Pattern VALID = Pattern.compile("instance-[0-9a-f]{8}");
    /** Held until the process ends: the lock is what says the name is in use. */
    private static final List<FileChannel> HELD = new ArrayList<>();

    private InstanceName() {}

    static String random() {
        return "instance-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The name kept in {@code dataDir}, made on first use; a random one while another process holds it. */
    static String of(Path dataDir) {
        try {
            if (!lock(dataDir.resolve(FILE + ".lock"))) {
                String name = random();
                log.warn(
                        "the data directory {} is in use by another running instance; this one runs as {}, and its"
                                + " outbox claims wait for their lease if it dies",
                        dataDir,
                        name);
                return name;
            }
            return readOrMake(dataDir.resolve(FILE));
        } catch (IOException e) {
            throw new SettingException(
                    "SMARTSYNC_DATA_DIR: cannot keep the instance name in " + dataDir + ": " + e.getMessage());
        }
    }

    private static boolean lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                synchronized (HELD) {
                    HELD.add(channel);
                }
                return true;
            }
        } catch (OverlappingFileLockException e) {
            // this process holds it already
        }
        channel.close();
        return false;
    }

    private static String readOrMake(Path file) throws IOException {
        if (Files.exists(file)) {
            String name = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (VALID.matcher(name).matches()) {
                return name;
            }
            log.warn("{} does not hold an instance name; making a new one", file);
        }
        String name = random();
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return name;
    }
}
