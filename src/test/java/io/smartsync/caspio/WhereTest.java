package io.smartsync.caspio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smartsync.note.CaspioStamp;
import io.smartsync.note.Position;
import java.util.List;
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

    @Test
    void numbers_keys_and_stamps_are_written_as_their_types() {
        assertThat(Where.eq("PK_ID", 42L).clause()).isEqualTo("PK_ID=42");
        assertThat(Where.eqNumber("Client_ID2", "12345").clause()).isEqualTo("Client_ID2=12345");
        assertThat(Where.atMost("PK_ID", 9).clause()).isEqualTo("PK_ID<=9");
        assertThat(Where.above("PK_ID", 9).clause()).isEqualTo("PK_ID>9");
        assertThat(Where.eq("Last_Modified", CaspioStamp.parse("2026-01-17 10:30:00"))
                        .clause())
                .isEqualTo("Last_Modified='2026-01-17T10:30:00'");
        assertThatThrownBy(() -> Where.eqNumber("Client_ID2", "1 OR 1=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chains_keep_their_parentheses_and_an_empty_chain_or_a_step_from_the_start_is_refused() {
        Where a = Where.eq("Client_ID2", "A");
        Where chain = Where.anyOf(List.of(a));
        assertThat(Where.and(chain, Where.above("PK_ID", 5)).clause()).isEqualTo("(Client_ID2='A') AND PK_ID>5");
        assertThat(Where.anyOf(List.of(a, Where.eq("Client_ID2", "B"))))
                .isEqualTo(Where.anyOf(List.of(a, Where.eq("Client_ID2", "B"))))
                .hasToString("(Client_ID2='A' OR Client_ID2='B')");
        assertThatThrownBy(() -> Where.anyOf(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Where.after("Last_Modified", "PK_ID", Position.START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK_ID; DROP TABLE x", "a b", "Name'"})
    void every_factory_checks_its_field_name(String hostile) {
        assertThatThrownBy(() -> Where.eq(hostile, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Where.eq(hostile, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Where.above(hostile, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Where.after(hostile, "PK_ID", Position.of("2026-01-17T10:30:00", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
