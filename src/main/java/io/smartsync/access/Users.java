package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** People who sign in to the pages: created, listed and disabled by an admin; checked at sign-in. Thread-safe. */
public final class Users {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessRecords records;
    private final Clock clock;

    public Users(AccessRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** A user as a list shows it: never the password's hash. */
    public record UserInfo(String userId, String fullName, Role role, Instant createdAt, Instant disabledAt) {
        public boolean enabled() {
            return disabledAt == null;
        }
    }

    /**
     * Creates a user with a password of at least {@value Passwords#MIN_LENGTH} characters.
     *
     * @throws IllegalArgumentException when a value breaks its rule or the user id is taken
     */
    public UserInfo create(String userId, String fullName, Role role, char[] password) {
        Names.userId(userId);
        String name = Names.fullName(fullName);
        String hash = Passwords.hash(password);
        Instant now = clock.instant();
        if (!records.createUser(new UserRecord(userId, name, role.name(), hash, now, null))) {
            throw new IllegalArgumentException("there is already a user " + userId);
        }
        return new UserInfo(userId, name, role, now, null);
    }

    public List<UserInfo> list() {
        return records.users().stream().map(Users::info).toList();
    }

    public Optional<UserInfo> find(String userId) {
        return records.user(userId).map(Users::info);
    }

    /** Disables the user and ends their sessions; answers false when there is no such enabled user. */
    public boolean disable(String userId) {
        return records.disableUser(userId, clock.instant());
    }

    /** The user these credentials sign in, if the user exists, is enabled and the password matches. */
    public Optional<Principal> authenticate(String userId, char[] password) {
        Optional<UserRecord> user = userId == null ? Optional.empty() : records.user(userId);
        if (user.isEmpty()) {
            Passwords.decoy(password);
            return Optional.empty();
        }
        UserRecord u = user.get();
        if (!Passwords.matches(password, u.passwordHash()) || u.disabledAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new Principal(u.userId(), u.fullName(), Role.parse(u.role())));
    }

    /**
     * The salt the user's browser derives its device key with (issue 18): 16 random bytes, base64, made
     * at the first call and the same ever after, so a later sign-in opens what an earlier one stored.
     */
    public String offlineSalt(String userId) {
        byte[] fresh = new byte[16];
        RANDOM.nextBytes(fresh);
        return records.offlineSalt(userId, Base64.getEncoder().encodeToString(fresh))
                .orElseThrow(() -> new IllegalArgumentException("there is no user " + userId));
    }

    private static UserInfo info(UserRecord u) {
        return new UserInfo(u.userId(), u.fullName(), Role.parse(u.role()), u.createdAt(), u.disabledAt());
    }
}
