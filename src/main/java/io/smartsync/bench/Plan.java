package io.smartsync.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One simulated window of staff use, drawn from one seed so both approaches meet exactly the same window:
 * staff visits (a first visit, then returns at random later times) and the changes other people make in
 * Caspio, both at their hourly rates.
 *
 * @param events in time order
 * @param visited the members staff pick in the window
 */
record Plan(List<Event> events, Set<String> visited, int firstVisits, int returnVisits, int caspioChanges) {

    enum Kind {
        VISIT,
        CASPIO_INSERT,
        CASPIO_UPDATE
    }

    /**
     * @param atMillis simulated milliseconds into the window
     * @param pk the row a {@code CASPIO_UPDATE} changes
     */
    record Event(long atMillis, Kind kind, String member, boolean first, long pk) {}

    Plan {
        events = List.copyOf(events);
        visited = Collections.unmodifiableSet(new LinkedHashSet<>(visited));
    }

    static String memberId(int n) {
        return String.format(Locale.ROOT, "CL%06d", n);
    }

    /**
     * @param notes how many rows the table holds (PK_ID 1..notes): updates pick among them
     */
    static Plan draw(Workload w, long notes, Random rnd) {
        long window = w.window().toMillis();
        double share = w.minutes() / 60.0;
        List<Event> events = new ArrayList<>();
        List<Integer> ids =
                new ArrayList<>(IntStream.rangeClosed(1, w.members()).boxed().toList());
        Collections.shuffle(ids, rnd);
        int distinct = (int) Math.min(Math.max(1, Math.round(w.membersPerHour() * share)), w.members());
        Set<String> visited = new LinkedHashSet<>();
        int returns = 0;
        for (int i = 0; i < distinct; i++) {
            String member = memberId(ids.get(i));
            visited.add(member);
            // "About" n returns: n-1, n or n+1 with equal odds, so the mean is n.
            int back = w.returnsPerMember() == 0 ? 0 : w.returnsPerMember() - 1 + rnd.nextInt(3);
            long[] at = new long[1 + back];
            for (int j = 0; j < at.length; j++) {
                at[j] = rnd.nextLong(window);
            }
            Arrays.sort(at);
            for (int j = 0; j < at.length; j++) {
                events.add(new Event(at[j], Kind.VISIT, member, j == 0, 0));
            }
            returns += back;
        }
        long changes = Math.round(notes * w.changeRate() / 24.0 * share);
        for (long c = 0; c < changes; c++) {
            long at = rnd.nextLong(window);
            String member = memberId(1 + rnd.nextInt(w.members()));
            if (rnd.nextBoolean() || notes == 0) {
                events.add(new Event(at, Kind.CASPIO_INSERT, member, false, 0));
            } else {
                events.add(new Event(at, Kind.CASPIO_UPDATE, null, false, 1 + rnd.nextLong(notes)));
            }
        }
        events.sort(Comparator.comparingLong(Event::atMillis));
        return new Plan(events, visited, distinct, returns, (int) changes);
    }

    /** The members staff do not pick in the window, in id order: the initial-sync measurement takes these. */
    List<String> unvisited(int members) {
        return allMembers(members).stream().filter(m -> !visited.contains(m)).toList();
    }

    static List<String> allMembers(int members) {
        return IntStream.rangeClosed(1, members).mapToObj(Plan::memberId).toList();
    }

    int visits() {
        return firstVisits + returnVisits;
    }
}
