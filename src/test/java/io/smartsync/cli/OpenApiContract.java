package io.smartsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds answers against /openapi.json: the status must be declared for the operation, the content type
 * must match, and a JSON body must satisfy the declared schema (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * Records which operations were called, so a test can insist that all were.
 */
final class OpenApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode doc;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Set<String> called = new TreeSet<>();

    OpenApiContract(JsonNode doc) {
        this.doc = doc;
    }

    JsonNode doc() {
        return doc;
    }

    /** Every operation of the document, as {@code "METHOD /template"}. */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        doc.path("paths")
                .properties()
                .forEach(p -> p.getValue()
                        .properties()
                        .forEach(m -> ops.add(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey())));
        return ops;
    }

    Set<String> called() {
        return called;
    }

    JsonNode operation(String method, String template) {
        JsonNode op = doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode())
                .as(method + " " + template + " is in /openapi.json")
                .isFalse();
        return op;
    }

    /** Checks one answer of {@code METHOD template}; answers it for further assertions. */
    Caller.Answer check(String method, String template, Caller.Answer answer) {
        String where = method + " " + template + " -> " + answer.status();
        called.add(method + " " + template);
        JsonNode response = operation(method, template).path("responses").path(Integer.toString(answer.status()));
        assertThat(response.isMissingNode())
                .as(where + " is a declared status; body " + answer.text())
                .isFalse();
        String contentType =
                answer.header("Content-Type").orElse("").split(";")[0].trim();
        JsonNode content = response.path("content");
        assertThat(content.has(contentType))
                .as(where + " answers a declared type, not " + contentType)
                .isTrue();
        if (contentType.equals("application/json")) {
            List<Error> errors =
                    schema(content.path(contentType).path("schema")).validate(answer.text(), InputFormat.JSON);
            assertThat(errors).as(where + " body " + answer.text()).isEmpty();
        }
        return answer;
    }

    /** The response's schema with the document's components beside it, so its $refs resolve. */
    private Schema schema(JsonNode responseSchema) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("components", doc.path("components"));
        wrapper.putArray("allOf").add(responseSchema);
        return registry.getSchema(wrapper.toString(), InputFormat.JSON);
    }
}
