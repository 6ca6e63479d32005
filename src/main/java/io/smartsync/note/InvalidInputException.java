package io.smartsync.note;

/**
 * A value sent by a caller of the API (a member id, a field of a note or an edit, a webhook's table) that
 * breaks its rule. Its message says what was wrong in the request's terms, so the API answers it as a 400
 * with that message; any other {@link IllegalArgumentException} is a fault of the service and a 500.
 *
 * <p>It extends {@link IllegalArgumentException} so that code which reads the same values from elsewhere
 * (Caspio's rows, the command line) and catches that keeps doing so.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}
