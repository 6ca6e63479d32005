package io.smartsync.sync;

/** The seed's answer to "process pending syncs": entries pushed, and entries that failed this time. */
public record ProcessResult(int processed, int failed) {
    public ProcessResult plus(ProcessResult other) {
        return new ProcessResult(processed + other.processed, failed + other.failed);
    }
}
