package nl.kamerstroom.enrich.entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.EntityType;
import nl.kamerstroom.schema.IngestedDocument;
import org.apache.kafka.streams.KeyValue;

/**
 * Turns one enriched document into one {@link EntityMentions} per distinct entity, keyed
 * {@code TYPE:ID}: ministries by code, countries by ISO code, motions by Kamerstuk id (else
 * submitters), dossiers (of motions and Kamerstuk references) as KAMERSTUK, amounts by
 * currency and redactions by refusal ground.
 */
public final class EntityMentionsMapper {

    private EntityMentionsMapper() {
    }

    public static List<KeyValue<String, EntityMentions>> mentions(EnrichedDocument enriched) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Entities e = enriched.getEntities();
        e.getMinistries().forEach(m -> tally(tallies, EntityType.MINISTRY, m.getId(), m.getName(), m.getStart()));
        e.getCountries().forEach(c -> tally(tallies, EntityType.COUNTRY, c.getId(), c.getName(), c.getStart()));
        e.getMotions().forEach(m -> tally(tallies, EntityType.MOTION, EntityKeys.motionId(m), m.getText(), m.getStart()));
        e.getMotions().forEach(m -> tally(tallies, EntityType.KAMERSTUK, m.getDossier(), null, m.getStart()));
        e.getKamerstukken().forEach(k -> tally(tallies, EntityType.KAMERSTUK, k.getDossier(), null, k.getStart()));
        e.getAmounts().forEach(a -> tally(tallies, EntityType.AMOUNT, a.getCurrency(), null, a.getStart()));
        e.getRedactions().forEach(r -> tally(tallies, EntityType.REDACTION, r.getGround(), r.getMeaning(), r.getStart()));

        IngestedDocument document = enriched.getDocument();
        String title = document.getTitle() != null ? document.getTitle() : enriched.getTextMetadata().getTitle();
        List<KeyValue<String, EntityMentions>> records = new ArrayList<>(tallies.size());
        tallies.forEach((key, t) -> records.add(KeyValue.pair(key, EntityMentions.newBuilder()
                .setEntityType(t.type).setEntityId(t.id).setEntityName(t.name)
                .setDocumentId(document.getId()).setFileName(document.getFileName()).setTitle(title)
                .setMentions(t.mentions).setFirstOffset(t.firstOffset)
                .build())));
        return records;
    }

    private static void tally(Map<String, Tally> tallies, EntityType type, String id, String name, int start) {
        if (id == null || id.isBlank()) {
            return;
        }
        tallies.computeIfAbsent(EntityKeys.key(type, id), k -> new Tally(type, id, name, start)).add(start);
    }

    /** Mentions of one entity in one document, counted as they are met. */
    private static final class Tally {
        final EntityType type;
        final String id;
        final String name;
        int mentions;
        int firstOffset;

        Tally(EntityType type, String id, String name, int start) {
            this.type = type;
            this.id = id;
            this.name = name;
            this.firstOffset = start;
        }

        void add(int start) {
            mentions++;
            firstOffset = Math.min(firstOffset, start);
        }
    }
}
