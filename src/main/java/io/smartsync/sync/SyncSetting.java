package io.smartsync.sync;

/**
 * One sync setting as it is in effect, for the admin's settings view.
 *
 * @param name the seed's (or the engine's) name, e.g. {@code autoSyncInterval}
 * @param variable the environment variable (and {@code --config} key) that sets it
 * @param value the value in effect, as text
 * @param source {@code default}, {@code file} (the {@code --config} file) or {@code environment}
 */
public record SyncSetting(String name, String variable, String value, String source) {}
