package io.smartsync.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks passwords with Argon2id (Bouncy Castle's generator), at OWASP's minimum cost: 19 MiB
 * of memory, 2 passes, one lane. Hashes are kept in the PHC string form ({@code
 * $argon2id$v=19$m=…,t=…,p=…$salt$hash}, Base64 without padding), which carries its own parameters and salt,
 * so the cost can be raised later without breaking stored hashes; hashes made by the encoder used before
 * (Spring Security's, the same form) still verify. Thread-safe.
 */
final class Passwords {
    static final int MIN_LENGTH = 12;

    /** Long enough for any passphrase, short enough that a huge one cannot tie up the hasher. */
    static final int MAX_LENGTH = 256;

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checked when the user is unknown, so a sign-in takes as long whether or not the user exists. */
    private static final String DECOY = encode("decoy password, never anyone's".toCharArray());

    private Passwords() {}

    static String hash(char[] password) {
        checkPolicy(password);
        return encode(password);
    }

    static boolean matches(char[] password, String hash) {
        if (password == null || password.length == 0 || password.length > MAX_LENGTH || hash == null) {
            return false;
        }
        Matcher m = PHC.matcher(hash);
        if (!m.matches()) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(4));
            expected = Base64.getDecoder().decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int passes = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (memory < 8 * lanes || passes < 1 || lanes < 1 || expected.length < 16) {
            return false;
        }
        byte[] actual = argon2(password, salt, memory, passes, lanes, expected.length);
        return MessageDigest.isEqual(actual, expected);
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

    private static String encode(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(utf8.array(), utf8.position(), utf8.limit());
        byte[] out = new byte[length];
        try {
            generator.generateBytes(bytes, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }
}
