package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.EntityType;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Initializer;

/**
 * The totals of one entity over the current (document, entity) rows: {@link #add} a row's
 * mentions when it appears, {@link #subtract} them when it changes or goes. Each row is one
 * document, so documents is the number of rows. When the last row goes the total is null,
 * which deletes it (a tombstone on entities.counts).
 */
final class EntityCounter implements Initializer<EntityCount> {

    @Override
    public EntityCount apply() {
        return EntityCount.newBuilder()
                .setEntityType(EntityType.UNKNOWN).setEntityId("")
                .setMentions(0).setDocuments(0)
                .build();
    }

    Aggregator<String, EntityMentions, EntityCount> adder() {
        return (entityKey, row, count) -> EntityCount.newBuilder()
                .setEntityType(row.getEntityType())
                .setEntityId(row.getEntityId())
                .setEntityName(row.getEntityName() != null ? row.getEntityName() : count.getEntityName())
                .setMentions(count.getMentions() + row.getMentions())
                .setDocuments(count.getDocuments() + 1)
                .build();
    }

    Aggregator<String, EntityMentions, EntityCount> subtractor() {
        return (entityKey, row, count) -> {
            if (count.getDocuments() <= 1) {
                return null;
            }
            return EntityCount.newBuilder(count)
                    .setMentions(count.getMentions() - row.getMentions())
                    .setDocuments(count.getDocuments() - 1)
                    .build();
        };
    }
}
