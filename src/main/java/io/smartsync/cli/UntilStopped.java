package io.smartsync.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a command running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes what it started. */
final class UntilStopped {
    private UntilStopped() {}

    static void await(AutoCloseable running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                running.close();
                            } catch (Exception e) {
                                System.err.println("smartsync: shutdown was not clean: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "smartsync-shutdown"));
        stopped.await();
    }
}
