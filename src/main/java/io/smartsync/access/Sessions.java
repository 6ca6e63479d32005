package io.smartsync.access;

import io.smartsync.store.AccessRecords;
import io.smartsync.store.SessionRecord;
import io.smartsync.store.UserRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in sessions of the pages. The cookie holds a random token of which only the hash is stored; each
 * session has its own CSRF token that every changing request (and the event stream) must echo. A session
 * ends after {@code idle} without use, after {@code maxAge} in any case, at sign-out, or when its user is
 * disabled. Thread-safe.
 */
public final class Sessions {
    /** Writing the last use at most this often keeps reads from turning into writes. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccessRecords records;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    public Sessions(AccessRecords records, Clock clock, Duration idle, Duration maxAge) {
        if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0) {
            throw new IllegalArgumentException("sessions need 0 < idle <= maxAge, were " + idle + " and " + maxAge);
        }
        this.records = records;
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** A session just opened: {@code token} goes into the cookie and is never stored. */
    public record Opened(String token, String csrfToken, Principal principal, Instant expiresAt) {
        @Override
        public String toString() {
            return "Opened[user=" + principal.userId() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A live session: who it is, and the CSRF token its changing requests must carry. */
    public record Active(Principal principal, String csrfToken) {
        public boolean csrfMatches(String presented) {
            return Secrets.same(csrfToken, presented);
        }

        @Override
        public String toString() {
            return "Active[user=" + principal.userId() + "]";
        }
    }

    public Opened open(Principal principal) {
        String token = Secrets.token();
        String csrf = Secrets.token();
        Instant now = clock.instant();
        Instant expires = now.plus(maxAge);
        records.saveSession(new SessionRecord(Secrets.sha256(token), principal.userId(), csrf, now, now, expires));
        return new Opened(token, csrf, principal, expires);
    }

    /** The session of a cookie's token, if it is live and its user still enabled. */
    public Optional<Active> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Optional<SessionRecord> found = records.session(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRecord s = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(s.expiresAt()) || !now.isBefore(s.lastSeenAt().plus(idle))) {
            records.deleteSession(hash);
            return Optional.empty();
        }
        Optional<UserRecord> user = records.user(s.userId()).filter(u -> u.disabledAt() == null);
        if (user.isEmpty()) {
            records.deleteSession(hash);
            return Optional.empty();
        }
        if (s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            records.touchSession(hash, now);
        }
        UserRecord u = user.get();
        return Optional.of(new Active(new Principal(u.userId(), u.fullName(), Role.parse(u.role())), s.csrfToken()));
    }

    public void close(String token) {
        if (token != null && !token.isBlank()) {
            records.deleteSession(Secrets.sha256(token));
        }
    }

    public Duration maxAge() {
        return maxAge;
    }
}
