package nl.kamerstroom.index.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.schema.IndexDocument;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Writes records of documents.index to OpenSearch in one bulk request, exactly once by
 * construction: the document id is the {@code _id} and the record's offset is an external
 * version. All versions of a document are in one partition, where offsets only grow, so a
 * replayed (older) record is refused by OpenSearch with a version conflict and can never put
 * back an older version; a tombstone deletes with its offset as version the same way.
 */
final class BulkWriter {

    private final DocumentsIndex index;

    BulkWriter(DocumentsIndex index) {
        this.index = index;
    }

    /** What one bulk request did. */
    record Outcome(int written, int alreadyNewer, List<String> retryable, List<String> unfit) {

        boolean complete() {
            return retryable.isEmpty() && unfit.isEmpty();
        }
    }

    /** Sends {@code records} (with keys) in one bulk request; throws when the cluster cannot be reached. */
    Outcome write(List<ConsumerRecord<String, IndexDocument>> records) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(records.size());
        for (ConsumerRecord<String, IndexDocument> record : records) {
            operations.add(operation(record));
        }
        BulkResponse response = index.connection().client().bulk(BulkRequest.of(bulk -> bulk.operations(operations)));
        int written = 0;
        int alreadyNewer = 0;
        List<String> retryable = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            ConsumerRecord<String, IndexDocument> record = records.get(i);
            if (item.error() == null || item.status() == 404 && record.value() == null) {
                written++;
            } else if (item.status() == 409) {
                alreadyNewer++;
            } else {
                String problem = "document " + record.key() + " (" + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + "): " + item.status() + " " + item.error().type() + ": "
                        + item.error().reason();
                // 429: the node's write queue is full; 5xx: a shard is unavailable. Both pass.
                (item.status() == 429 || item.status() >= 500 ? retryable : unfit).add(problem);
            }
        }
        return new Outcome(written, alreadyNewer, retryable, unfit);
    }

    private BulkOperation operation(ConsumerRecord<String, IndexDocument> record) {
        String id = record.key();
        long version = record.offset();
        if (record.value() == null) {
            return BulkOperation.of(op -> op.delete(delete -> delete.index(index.name()).id(id)
                    .version(version).versionType(VersionType.External)));
        }
        Object source = DocumentsIndex.source(id, record.value());
        return BulkOperation.of(op -> op.index(write -> write.index(index.name()).id(id).document(source)
                .version(version).versionType(VersionType.External)));
    }
}
