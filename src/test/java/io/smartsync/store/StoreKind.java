package io.smartsync.store;

/** The databases the store runs on; store and engine tests run once on each. */
public enum StoreKind {
    SQLITE,
    POSTGRES
}
