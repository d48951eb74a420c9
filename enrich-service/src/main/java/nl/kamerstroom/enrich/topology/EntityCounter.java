package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.EntityType;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Initializer;

/**
 * The totals of one entity, kept up to date from the changes of its (document, entity) rows on
 * entities.mentions: each record carries its row's old and new mentions, so it adds
 * {@code mentions - previousMentions} to the mentions and counts a document in when it starts
 * mentioning the entity ({@code previousMentions = 0}), out when it stops ({@code mentions = 0}).
 * When no document is left the total is null, which deletes it (a tombstone on entities.counts).
 */
final class EntityCounter implements Initializer<EntityCount>, Aggregator<String, EntityMentions, EntityCount> {

    @Override
    public EntityCount apply() {
        return EntityCount.newBuilder()
                .setEntityType(EntityType.UNKNOWN).setEntityId("")
                .setMentions(0).setDocuments(0)
                .build();
    }

    @Override
    public EntityCount apply(String entityKey, EntityMentions change, EntityCount count) {
        long documents = count.getDocuments() + mentioned(change.getMentions()) - mentioned(change.getPreviousMentions());
        if (documents <= 0) {
            return null;
        }
        // Named by the latest row that mentions the entity; a gone row (mentions 0) may carry an older name.
        String name = change.getMentions() > 0 && change.getEntityName() != null ? change.getEntityName()
                : count.getEntityName();
        return EntityCount.newBuilder()
                .setEntityType(change.getEntityType())
                .setEntityId(change.getEntityId())
                .setEntityName(name)
                .setMentions(count.getMentions() + change.getMentions() - change.getPreviousMentions())
                .setDocuments(documents)
                .build();
    }

    private static int mentioned(int mentions) {
        return mentions > 0 ? 1 : 0;
    }
}
