package nl.kamerstroom.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entity totals counted again from the documents an index replica serves, by the documented keys
 * of {@code entities.counts} (README, enrich-service): {@code MINISTRY:id}, {@code COUNTRY:id},
 * {@code MOTION:kst-id} (else the submitters), {@code KAMERSTUK:dossier} (of motions and
 * Kamerstuk references), {@code AMOUNT:currency}, {@code REDACTION:ground}. Written from that
 * contract rather than with enrich's own mapper, so it checks the counts instead of repeating them.
 */
final class EntityRecount {

    /** Mentions and documents of one entity. */
    record Total(long mentions, long documents) {
    }

    private final Map<String, long[]> totals = new HashMap<>();

    /** Adds one document (the JSON of {@code /api/documents/{id}}). */
    void add(JsonNode document) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        document.path("ministries").forEach(m -> tally(mentions, "MINISTRY", m.path("id")));
        document.path("countries").forEach(c -> tally(mentions, "COUNTRY", c.path("id")));
        document.path("motions").forEach(m -> tally(mentions, "MOTION", motionId(m)));
        document.path("motions").forEach(m -> tally(mentions, "KAMERSTUK", m.path("dossier")));
        document.path("kamerstukken").forEach(k -> tally(mentions, "KAMERSTUK", k.path("dossier")));
        document.path("amounts").forEach(a -> tally(mentions, "AMOUNT", a.path("currency")));
        document.path("redactions").forEach(r -> tally(mentions, "REDACTION", r.path("ground")));
        mentions.forEach((key, count) -> {
            long[] total = totals.computeIfAbsent(key, k -> new long[2]);
            total[0] += count;
            total[1]++;
        });
    }

    Map<String, Total> totals() {
        Map<String, Total> result = new HashMap<>();
        totals.forEach((key, t) -> result.put(key, new Total(t[0], t[1])));
        return result;
    }

    private static String motionId(JsonNode motion) {
        if (motion.hasNonNull("documentId")) {
            return motion.get("documentId").asText();
        }
        List<String> submitters = new ArrayList<>();
        motion.path("submitters").forEach(s -> submitters.add(s.asText()));
        return String.join(", ", submitters);
    }

    private static void tally(Map<String, Integer> mentions, String type, JsonNode id) {
        tally(mentions, type, id.isNull() || id.isMissingNode() ? null : id.asText());
    }

    private static void tally(Map<String, Integer> mentions, String type, String id) {
        if (id != null && !id.isBlank()) {
            mentions.merge(type + ":" + id, 1, Integer::sum);
        }
    }
}
