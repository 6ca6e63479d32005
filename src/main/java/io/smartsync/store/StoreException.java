package io.smartsync.store;

/** The root of everything the local store reports; unchecked, with the store's location in the message. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
