package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.note.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WhereTest {
    @Test
    void a_quote_inside_a_value_is_doubled_so_the_value_stays_one_literal() {
        assertThat(Where.eq("Client_ID2", "O'Brien").clause()).isEqualTo("Client_ID2='O''Brien'");
        assertThat(Where.eq("Client_ID2", "x' OR 1=1 --").clause()).isEqualTo("Client_ID2='x'' OR 1=1 --'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "tab\there"})
    void control_characters_in_a_value_are_refused(String hostile) {
        assertThatThrownBy(() -> Where.text(hostile)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK_ID; DROP TABLE x", "a b", "1abc", "Name'", ""})
    void only_plain_names_pass_as_field_names(String hostile) {
        assertThatThrownBy(() -> Where.field(hostile)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_keyset_step_keeps_rows_that_share_the_boundary_stamp() {
        assertThat(Where.after("Last_Modified", "PK_ID", Position.of("2026-01-17T10:30:00", 42))
                        .clause())
                .isEqualTo(
                        "(Last_Modified>='2026-01-17T10:30:00' AND (Last_Modified>'2026-01-17T10:30:00' OR PK_ID>42))");
    }
}
