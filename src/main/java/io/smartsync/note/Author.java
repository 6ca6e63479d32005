package io.smartsync.note;

/** Who wrote a note: the signed-in user or the owner of the API key, never a field of a request body. */
public record Author(String userId, String fullName) {
    public Author {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("author userId is required");
        }
        if (fullName == null || fullName.isBlank()) {
            fullName = userId;
        }
    }
}
