package io.smartsync.store;

import org.jdbi.v3.core.HandleCallback;

/** Runs work in one transaction of the store it came from, failures mapped to {@link StoreException}. */
@FunctionalInterface
interface Tx {
    <T> T run(HandleCallback<T, RuntimeException> work);
}
