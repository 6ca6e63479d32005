package io.smartsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store setting: what it accepts, and that a password in it is never printed. */
class StoreLocationTest {
    @Test
    void a_postgresql_url_is_shared_and_prints_without_its_password() {
        StoreLocation l = StoreLocation.parse(
                "jdbc:postgresql://db:5432/notes?user=sync&password=s3cret&sslpassword=k3y&ssl=true");

        assertThat(l.isPostgres()).isTrue();
        assertThat(l.toString())
                .isEqualTo("jdbc:postgresql://db:5432/notes?user=sync&password=***&sslpassword=***&ssl=true");
        assertThat(StoreLocation.parse("jdbc:postgresql://sync:s3cret@db/notes").redacted())
                .isEqualTo("jdbc:postgresql://sync:***@db/notes")
                .doesNotContain("s3cret");
    }

    @Test
    void a_path_or_an_sqlite_url_is_a_file() {
        assertThat(StoreLocation.parse("/var/lib/smartsync/smartsync.db").sqliteFile())
                .isEqualTo(Path.of("/var/lib/smartsync/smartsync.db"));
        assertThat(StoreLocation.parse("jdbc:sqlite:/tmp/s.db").sqliteFile()).isEqualTo(Path.of("/tmp/s.db"));
    }

    @Test
    void another_database_or_nothing_is_refused() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:oracle:thin:@db:1521:x"))
                .hasMessageContaining("cannot use (jdbc:oracle:)");
        assertThatThrownBy(() -> StoreLocation.parse(" ")).hasMessageContaining("is empty");
    }
}
