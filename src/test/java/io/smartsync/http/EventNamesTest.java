package io.smartsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.sync.SyncEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages subscribe to server-sent events by name: every name they listen for is one the service sends. */
class EventNamesTest {
    @Test
    void every_event_the_pages_listen_for_is_a_type_the_service_sends() throws IOException {
        List<String> sent = Arrays.stream(SyncEvent.Type.values())
                .map(SyncEvent.Type::wireName)
                .toList();

        List<String> heard = typesIn(resource("/public/js/events.js"));

        assertThat(sent).doesNotHaveDuplicates();
        assertThat(heard).isNotEmpty().isSubsetOf(sent);
    }

    /** The names in events.js's {@code const TYPES = [ … ];}. */
    private static List<String> typesIn(String script) {
        Matcher list =
                Pattern.compile("const TYPES = \\[(.*?)];", Pattern.DOTALL).matcher(script);
        assertThat(list.find()).as("events.js lists its TYPES").isTrue();
        return Pattern.compile("\"([^\"]+)\"")
                .matcher(list.group(1))
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EventNamesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
