package io.smartsync.access;

import io.smartsync.note.Author;
import java.util.Objects;

/** Who is calling: the owner of an API key or a signed-in user, with their role. */
public record Principal(String userId, String fullName, Role role) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(role, "role");
    }

    public Author asAuthor() {
        return new Author(userId, fullName);
    }
}
