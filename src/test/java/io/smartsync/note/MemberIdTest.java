package io.smartsync.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"CL001234", "12345", "member_7-b"})
    void ordinary_member_ids_are_accepted(String id) {
        assertThat(MemberId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CL1' OR 1=1 --",
                "CL1;DROP",
                "with space",
                "tab\tid",
                "nul\u0000",
                "",
                "A234567890123456789012345678901234567890123456789012345678901234567890"
            })
    void hostile_or_oversized_member_ids_are_refused(String id) {
        assertThatThrownBy(() -> MemberId.of(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId2");
    }
}
