package io.smartsync.access;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Hashes and checks passwords with Argon2id (Spring Security's encoder on Bouncy Castle), at OWASP's
 * minimum cost: 19 MiB of memory, 2 passes, one lane. The hash text carries its own parameters and
 * salt, so the cost can be raised later without breaking stored hashes. Thread-safe.
 */
final class Passwords {
    static final int MIN_LENGTH = 12;

    /** Long enough for any passphrase, short enough that a huge one cannot tie up the hasher. */
    static final int MAX_LENGTH = 256;

    private static final Argon2PasswordEncoder ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

    /** Checked when the user is unknown, so a sign-in takes as long whether or not the user exists. */
    private static final String DECOY = ARGON2.encode("decoy password, never anyone's");

    private Passwords() {}

    static String hash(char[] password) {
        checkPolicy(password);
        return ARGON2.encode(java.nio.CharBuffer.wrap(password));
    }

    static boolean matches(char[] password, String hash) {
        if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
            return false;
        }
        return ARGON2.matches(java.nio.CharBuffer.wrap(password), hash);
    }

    /** Spends the time of one check, for an unknown user. */
    static void decoy(char[] password) {
        matches(password, DECOY);
    }

    static void checkPolicy(char[] password) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
    }
}
