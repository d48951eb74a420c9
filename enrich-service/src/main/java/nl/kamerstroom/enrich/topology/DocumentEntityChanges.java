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
 * (or deletion) into the changes of its (document, entity) rows, keyed
 * {@code DOCUMENT_ID|TYPE:ID}: an {@link EntityMentions} for each entity the new version
 * mentions differently than the old one (or newly), and the old record with
 * {@code mentions = 0} for each entity it no longer mentions. Unchanged rows are not repeated,
 * so re-enriching a document with the same result changes nothing downstream.
 *
 * <p>These rows become a KTable whose grouping by entity gives the counts; a row's old value is
 * subtracted when it changes, which is what makes the counts exact across reprocessing and
 * deletes.
 */
final class DocumentEntityChanges implements Processor<String, EnrichedOutput, String, EntityMentions> {

    /** Between the document id and the entity key of a row; entity keys start with a type name, ids never hold it in practice. */
    static final char ROW_KEY_SEPARATOR = '|';

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
        String documentId = record.key();
        Map<String, EntityMentions> before = byEntity(current.get(documentId));
        List<EntityMentions> now = record.value() == null ? List.of()
                : EntityMentionsMapper.mentions(record.value().document()).stream().map(kv -> kv.value).toList();

        for (EntityMentions mentions : now) {
            String entity = entityKey(mentions);
            if (!mentions.equals(before.remove(entity))) {
                forward(record, documentId, entity, mentions);
            }
        }
        for (var gone : before.entrySet()) {
            forward(record, documentId, gone.getKey(), EntityMentions.newBuilder(gone.getValue()).setMentions(0).build());
        }
        if (now.isEmpty()) {
            current.delete(documentId);
        } else {
            current.put(documentId, new ArrayList<>(now));
        }
    }

    private void forward(Record<String, EnrichedOutput> record, String documentId, String entity,
                         EntityMentions mentions) {
        context.forward(record.withKey(documentId + ROW_KEY_SEPARATOR + entity).withValue(mentions));
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
