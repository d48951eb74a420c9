package nl.kamerstroom.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Deletes documents while the load runs, as {@code kamerstroom delete} does: a tombstone keyed by
 * the document id on documents.ingested, which enrich turns into tombstones downstream. Only
 * documents that ingest has finished (the file is in done/) and that a replica already serves are
 * deleted: ingest sends a file again only before it moves it to done/, so no later copy of the
 * document can follow its tombstone.
 */
final class Deletions implements AutoCloseable {

    private static final int MOST_ASKED = 20;

    private final Producer<byte[], byte[]> producer;
    private final int wanted;
    private final ReplicaClient replica;
    private final List<String> deleted = new ArrayList<>();

    /** @param replica the replica that must serve a document before it is deleted */
    Deletions(String bootstrapServers, int wanted, ReplicaClient replica) {
        this.wanted = wanted;
        this.replica = replica;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Deletes documents of {@code workload} until {@code wanted} are deleted in all, or none left
     * qualifies now; each is taken out of the expected documents once its tombstone is stored.
     * Asks the replica about a few finished documents at most, so a lagging replica does not hold up
     * the load.
     */
    void deleteFinished(Workload workload, Path done) throws InterruptedException {
        int asked = 0;
        for (Workload.ExpectedDocument document : workload.deletable()) {
            if (deleted.size() >= wanted || asked >= MOST_ASKED) {
                return;
            }
            if (!Files.exists(done.resolve(document.fileName()))) {
                continue;
            }
            asked++;
            if (!served(replica, document)) {
                continue;
            }
            try {
                producer.send(new ProducerRecord<>(Topics.INGESTED, document.id().getBytes(StandardCharsets.UTF_8),
                        null)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot write the tombstone of " + document.id(), e.getCause());
            }
            workload.deleted(document.id());
            deleted.add(document.fileName());
        }
    }

    private static boolean served(ReplicaClient replica, Workload.ExpectedDocument document) {
        try {
            return replica.document(document.id()).isPresent();
        } catch (IOException e) {
            // The replica is down or starting (a fault): ask again on the next round.
            return false;
        }
    }

    /** Whether {@code wanted} documents are deleted. */
    boolean done() {
        return deleted.size() >= wanted;
    }

    /** File names of the deleted documents. */
    List<String> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public void close() {
        producer.close();
    }
}
