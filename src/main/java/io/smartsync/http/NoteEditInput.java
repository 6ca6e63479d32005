package io.smartsync.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.smartsync.note.NoteContent;
import io.smartsync.note.NoteEdit;
import io.smartsync.note.NoteEdit.Field;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of an edit ({@code PUT}) or a delete ({@code DELETE}) as the app sends it: the note named
 * by {@code noteId} and {@code clientId2} in the body or in the path, and for an edit only the fields it
 * names. A field left out stays as stored; a field sent as null or "" is cleared (the comments cannot be).
 */
final class NoteEditInput {
    /** The body fields an edit names, by their JSON names. */
    private static final Map<String, Field> EDITABLE = editable();

    /** Accepted because the app sends them; not changes ({@code timestamp} is its offline queue's). */
    private static final Set<String> OTHER =
            Set.of("noteId", "clientId2", "userId", "userFullName", "actorName", "actorEmail", "timestamp");

    private NoteEditInput() {}

    /** What a body said: the note it names (if it does), the edit, and who the app says acted. */
    record Body(Optional<String> noteId, Optional<String> clientId2, Map<String, JsonNode> named, Actor actor) {}

    static Body read(ObjectMapper json, Context ctx, boolean required) {
        String text = ctx.body();
        if (text.isBlank()) {
            if (required) {
                throw ApiException.badRequest("a JSON body is required");
            }
            return new Body(Optional.empty(), Optional.empty(), Map.of(), Actor.NONE);
        }
        JsonNode node = Bodies.read(json, ctx, JsonNode.class);
        if (!node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        Map<String, JsonNode> named = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!EDITABLE.containsKey(e.getKey()) && !OTHER.contains(e.getKey())) {
                throw ApiException.badRequest("unknown field '" + e.getKey() + "'");
            }
            if (!e.getValue().isNull() && !e.getValue().isTextual()) {
                throw ApiException.badRequest(e.getKey() + " must be text or null");
            }
            if (EDITABLE.containsKey(e.getKey())) {
                named.put(e.getKey(), e.getValue());
            }
        }
        return new Body(
                text(node, "noteId"),
                text(node, "clientId2"),
                named,
                Actor.of(
                        text(node, "actorName").orElse(null),
                        text(node, "actorEmail").orElse(null)));
    }

    /** The edit the body names, checked as a create's fields are; 400 when it names nothing to change. */
    static NoteEdit edit(NoteInput input, Body body) {
        if (body.named().isEmpty()) {
            throw ApiException.badRequest(
                    "No updates provided: name at least one of " + String.join(", ", EDITABLE.keySet()));
        }
        Set<Field> fields = EnumSet.noneOf(Field.class);
        body.named().keySet().forEach(name -> fields.add(EDITABLE.get(name)));
        if (fields.contains(Field.COMMENTS) && value(body, "comments") == null) {
            throw ApiException.invalid("comments cannot be cleared: send the new text or leave comments out");
        }
        return new NoteEdit(
                fields,
                new NoteContent(
                        input.comments(value(body, "comments")),
                        NoteInput.followUpDate(value(body, "followUpDate")),
                        input.status(value(body, "followUpStatus")),
                        NoteInput.short255("followUpAssignment", value(body, "followUpAssignment")),
                        NoteInput.short255("assignedFirst", value(body, "assignedFirst")),
                        NoteInput.short255("seniorFullName", value(body, "seniorFullName"))));
    }

    private static String value(Body body, String name) {
        JsonNode v = body.named().get(name);
        return v == null || v.isNull() || v.textValue().isBlank() ? null : v.textValue();
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.textValue().isBlank() ? Optional.empty() : Optional.of(v.textValue());
    }

    private static Map<String, Field> editable() {
        Map<String, Field> m = new LinkedHashMap<>();
        m.put("comments", Field.COMMENTS);
        m.put("followUpStatus", Field.FOLLOW_UP_STATUS);
        m.put("followUpDate", Field.FOLLOW_UP_DATE);
        m.put("followUpAssignment", Field.FOLLOW_UP_ASSIGNMENT);
        m.put("assignedFirst", Field.ASSIGNED_FIRST);
        m.put("seniorFullName", Field.SENIOR_FULL_NAME);
        return java.util.Collections.unmodifiableMap(m);
    }
}
