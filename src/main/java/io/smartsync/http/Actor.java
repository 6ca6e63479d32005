package io.smartsync.http;

/**
 * Who the app says acted ({@code actorName}, {@code actorEmail} in its bodies). Never the author of a note,
 * which is the signed-in user or the key's owner: it is recorded beside the caller in the audit line only.
 */
record Actor(String name, String email) {
    static final Actor NONE = new Actor(null, null);

    static Actor of(String name, String email) {
        return new Actor(NoteInput.short255("actorName", name), NoteInput.short255("actorEmail", email));
    }

    /** The audit outcome with the app's actor beside it, or the outcome alone when the app named none. */
    String besides(String outcome) {
        if (name == null && email == null) {
            return outcome;
        }
        return outcome + " (app actor: " + (name == null ? "" : name) + (email == null ? "" : " <" + email + ">") + ")";
    }
}
