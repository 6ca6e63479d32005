package io.smartsync.cli.soak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a soak run: what was done, what was accepted, and what the comparison of the store with
 * Caspio found. {@code problems} name notes and members by id only (never a note's text).
 *
 * @param duplicated rows in Caspio beyond the first of one note: by sync id, or by (member, comments,
 *     author) among the texts written through the service
 * @param lost accepted creates, deleted by nobody, that Caspio or the store does not hold live
 * @param resurrected notes deleted here or in Caspio that are live again in the store or in Caspio
 * @param membersDiffering members whose live notes (id and text) differ between the store and Caspio
 * @param parked outbox entries parked as failed
 * @param pending outbox entries still waiting when the run ended
 * @param converged whether the store matched Caspio before the drain's time ran out
 */
public record SoakReport(
        long seed,
        String store,
        int instances,
        int ops,
        int kills,
        int accepted,
        int caspioWrites,
        int lost,
        int duplicated,
        int duplicatedBySyncId,
        int duplicatedByContent,
        int resurrected,
        int membersDiffering,
        int parked,
        int pending,
        int serverErrors,
        int sameSecondEditsSkipped,
        int unseenDeletesSkipped,
        boolean converged,
        long drainMillis,
        long millis,
        List<String> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** True when nothing was lost, duplicated, resurrected, left different or parked. */
    public boolean clean() {
        return lost == 0 && duplicated == 0 && resurrected == 0 && membersDiffering == 0 && parked == 0;
    }

    /** One JSON line: the counts, then the problems (ids only). */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ops", ops);
        m.put("kills", kills);
        m.put("accepted", accepted);
        m.put("lost", lost);
        m.put("duplicated", duplicated);
        m.put("resurrected", resurrected);
        m.put("membersDiffering", membersDiffering);
        m.put("parked", parked);
        m.put("pending", pending);
        m.put("duplicatedBySyncId", duplicatedBySyncId);
        m.put("duplicatedByContent", duplicatedByContent);
        m.put("caspioWrites", caspioWrites);
        m.put("serverErrors", serverErrors);
        m.put("sameSecondEditsSkipped", sameSecondEditsSkipped);
        m.put("unseenDeletesSkipped", unseenDeletesSkipped);
        m.put("converged", converged);
        m.put("drainSeconds", drainMillis / 1000.0);
        m.put("seconds", millis / 1000.0);
        m.put("seed", seed);
        m.put("store", store);
        m.put("instances", instances);
        m.put("problems", problems);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
