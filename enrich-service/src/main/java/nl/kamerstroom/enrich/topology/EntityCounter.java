package nl.kamerstroom.enrich.topology;

import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.EntityMentions;
import nl.kamerstroom.schema.EntityType;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Initializer;

/**
 * Running totals of one entity: every {@link EntityMentions} record is one document (ids are
 * deduplicated upstream) with its number of mentions.
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
    public EntityCount apply(String entityKey, EntityMentions mentions, EntityCount count) {
        return EntityCount.newBuilder()
                .setEntityType(mentions.getEntityType())
                .setEntityId(mentions.getEntityId())
                .setEntityName(mentions.getEntityName() != null ? mentions.getEntityName() : count.getEntityName())
                .setMentions(count.getMentions() + mentions.getMentions())
                .setDocuments(count.getDocuments() + 1)
                .build();
    }
}
