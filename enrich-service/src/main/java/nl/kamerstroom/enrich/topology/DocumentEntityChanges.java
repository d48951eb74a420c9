package nl.kamerstroom.enrich.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.enrich.entities.EntityKeys;
import nl.kamerstroom.enrich.entities.EntityMentionsMapper;
import nl.kamerstroom.schema.EntityMentions;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, per document, the entities its current version mentions, and turns each new version
 * (or deletion) into the changes of its (document, entity) rows, keyed by entity
 * ({@code TYPE:ID}): an {@link EntityMentions} for each entity the new version mentions
 * differently than the old one (or newly), and the old record with {@code mentions = 0} for
 * each entity it no longer mentions. Unchanged rows are not repeated, so re-enriching a
 * document with the same result changes nothing downstream.
 *
 * <p>Each change carries the row's old mentions in {@code previousMentions} (0 for a new row),
 * so the counts can add {@code mentions - previousMentions} without storing the rows a second
 * time: this store is the only place that knows a document's old version.
 */
final class DocumentEntityChanges implements Processor<String, EnrichedOutput, String, EntityMentions> {

    private final String storeName;
    private ProcessorContext<String, EntityMentions> context;
    private KeyValueStore<String, List<EntityMentions>> current;

    DocumentEntityChanges(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, EntityMentions> context) {
        this.context = context;
        this.current = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, EnrichedOutput> record) {
        Map<String, EntityMentions> before = byEntity(current.get(record.key()));
        // The stored rows keep previousMentions = 0, so that a row equals its unchanged successor.
        List<EntityMentions> now = record.value() == null ? List.of()
                : EntityMentionsMapper.mentions(record.value().document()).stream().map(kv -> kv.value).toList();

        for (EntityMentions mentions : now) {
            String entity = entityKey(mentions);
            EntityMentions previous = before.remove(entity);
            if (!mentions.equals(previous)) {
                int previousMentions = previous == null ? 0 : previous.getMentions();
                forward(record, entity, mentions, mentions.getMentions(), previousMentions);
            }
        }
        for (var gone : before.entrySet()) {
            forward(record, gone.getKey(), gone.getValue(), 0, gone.getValue().getMentions());
        }
        if (now.isEmpty()) {
            current.delete(record.key());
        } else {
            current.put(record.key(), new ArrayList<>(now));
        }
    }

    private void forward(Record<String, EnrichedOutput> record, String entity, EntityMentions row, int mentions,
                         int previousMentions) {
        context.forward(record.withKey(entity).withValue(EntityMentions.newBuilder(row)
                .setMentions(mentions).setPreviousMentions(previousMentions).build()));
    }

    static String entityKey(EntityMentions mentions) {
        return EntityKeys.key(mentions.getEntityType(), mentions.getEntityId());
    }

    private static Map<String, EntityMentions> byEntity(List<EntityMentions> mentions) {
        Map<String, EntityMentions> map = new LinkedHashMap<>();
        if (mentions != null) {
            mentions.forEach(m -> map.put(entityKey(m), m));
        }
        return map;
    }
}
