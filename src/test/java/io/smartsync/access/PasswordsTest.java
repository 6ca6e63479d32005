package io.smartsync.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    /** Made by Spring Security's Argon2PasswordEncoder(16, 32, 1, 19456, 2), the encoder used before Bouncy Castle alone. */
    private static final String MADE_BEFORE_THE_SWITCH =
            "$argon2id$v=19$m=19456,t=2,p=1$Qy+Puw0wcnNWH06GSm9vHg$ygyLay8ES4ixWqQbr09Wf08QuRUel1oudFbaZIqp9SY";

    @Test
    void a_hash_stored_by_the_previous_encoder_still_verifies() {
        assertThat(Passwords.matches("correct horse battery staple".toCharArray(), MADE_BEFORE_THE_SWITCH))
                .isTrue();
        assertThat(Passwords.matches("correct horse battery stapler".toCharArray(), MADE_BEFORE_THE_SWITCH))
                .isFalse();
    }

    @Test
    void a_new_hash_verifies_its_password_only_and_carries_its_parameters_and_salt() {
        String hash = Passwords.hash("a long enough passphrase".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.matches("a long enough passphrase".toCharArray(), hash))
                .isTrue();
        assertThat(Passwords.matches("a long enough passphrasE".toCharArray(), hash))
                .isFalse();
        assertThat(Passwords.hash("a long enough passphrase".toCharArray())).isNotEqualTo(hash);
        assertThat(Passwords.matches("a long enough passphrase".toCharArray(), "$argon2id$garbage"))
                .isFalse();
    }
}
