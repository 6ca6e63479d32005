package io.smartsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.smartsync.note.OutboxAction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's change feed: what a committed transaction changed, as note ids, to this instance's
 * listeners and, on PostgreSQL, to every other instance sharing the schema; nothing from a transaction
 * that rolled back.
 */
class ChangeFeedTest {
    @TempDir
    Path dir;

    @Test
    void a_local_write_committed_on_one_instance_is_heard_by_the_other_and_a_rolled_back_one_is_not() {
        try (TestDatabase db = TestDatabase.create(StoreKind.POSTGRES, dir);
                Store one = db.open(Clock.systemUTC());
                Store two = db.open(Clock.systemUTC())) {
            List<StoredChange> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            two.changes().listen(heard::add);
            await().atMost(Duration.ofSeconds(20)).until(() -> two.changes().hearsOtherInstances());

            one.notes().writeLocal(StoreNotes.local("n-1", "Private words"), OutboxAction.CREATE, 100, "Dana Lee");
            assertThatThrownBy(() -> one.notes()
                            .writeLocal(StoreNotes.local("n-1", "Sent again"), OutboxAction.CREATE, 100, "Dana Lee"))
                    .isInstanceOf(NoteExistsException.class);
            one.notes().writeLocal(StoreNotes.local("n-2", "More words"), OutboxAction.CREATE, 100, "Dana Lee");

            await().atMost(Duration.ofSeconds(20)).until(() -> heard.size() >= 2);
            assertThat(heard)
                    .extracting(StoredChange::created, StoredChange::by, StoredChange::remote)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(List.of("n-1"), "Dana Lee", true),
                            org.assertj.core.groups.Tuple.tuple(List.of("n-2"), "Dana Lee", true));
        }
    }

    @Test
    void a_change_with_many_ids_is_sent_in_notices_of_at_most_a_hundred_ids_and_none_is_lost() {
        List<String> created = IntStream.range(0, 150).mapToObj(i -> "c-" + i).toList();
        List<String> deleted = IntStream.range(0, 70).mapToObj(i -> "d-" + i).toList();
        StoredChange change =
                new StoredChange(StoreNotes.MEMBER, "caspio", created, List.of(), deleted, List.of("s-1"), false);

        List<ChangeFeed.Notice> notices = ChangeFeed.Notice.split("origin", change);

        assertThat(notices).hasSize(3);
        assertThat(notices)
                .allSatisfy(n -> assertThat(n.c().size() + n.u().size() + n.d().size() + n.s().size())
                        .isLessThanOrEqualTo(ChangeFeed.IDS_PER_NOTICE));
        assertThat(notices.stream().flatMap(n -> n.c().stream())).containsExactlyElementsOf(created);
        assertThat(notices.stream().flatMap(n -> n.d().stream())).containsExactlyElementsOf(deleted);
        assertThat(notices.stream().flatMap(n -> Stream.concat(n.s().stream(), n.u().stream())))
                .containsExactly("s-1");
        assertThat(notices).allSatisfy(n -> assertThat(n.json().length()).isLessThan(8000));
    }
}
