package io.smartsync.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartsync.note.MemberId;
import org.junit.jupiter.api.Test;

/** Only the service's own refusals of a request become 4xx; anything else thrown inside is a 500. */
class ErrorMappingTest {
    @Test
    void an_illegal_argument_from_inside_is_a_500_that_does_not_show_its_message() {
        ErrorMapping.Failure f = ErrorMapping.of(new IllegalArgumentException("pushLease must be positive, was PT0S"));

        assertThat(f.status()).isEqualTo(500);
        assertThat(f.code()).isEqualTo("internal");
        assertThat(f.message()).doesNotContain("pushLease").doesNotContain("PT0S");
    }

    @Test
    void a_refused_member_id_is_a_400_that_says_what_was_wrong() {
        IllegalArgumentException refused = catchRefusal(() -> MemberId.of("CL1' OR 1=1 --"));

        ErrorMapping.Failure f = ErrorMapping.of(refused);

        assertThat(f.status()).isEqualTo(400);
        assertThat(f.code()).isEqualTo("bad_request");
        assertThat(f.message()).contains("clientId2 must be 1-64 letters");
    }

    private static IllegalArgumentException catchRefusal(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("nothing was refused");
    }
}
