package nl.kamerstroom.enrich.it;

import static nl.kamerstroom.enrich.Documents.KAMERBRIEF;
import static nl.kamerstroom.enrich.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.schema.EntityCount;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once across a crash: the service is killed with SIGKILL in the middle of a stream of
 * new documents, deletes, documents enriched again (some with other entities) and duplicates
 * (uncommitted transaction open, state stores dirty), restarted on the same state directory, and
 * read_committed readers still see every version of every document once, and the counts are
 * exactly those of the documents that remain.
 */
@WithKafkaStack
class KillAndRestartIT {

    private static final int DOCUMENTS = 400;
    /** Documents 0..49 are deleted, 50..99 sent again unchanged, 100..149 sent again without the dossier. */
    private static final int DELETED = 50;
    private static final int SAME_AGAIN = 100;
    private static final int CHANGED = 150;
    /** Documents 150..159 get an empty copy flagged duplicate, which must change nothing. */
    private static final int DUPLICATES = 160;
    /** Documents that still mention the dossier at the end: 50..99 and 150..399. */
    private static final int MENTIONING_AT_END = DOCUMENTS - CHANGED + (SAME_AGAIN - DELETED);
    /** Many commit intervals: any change still on its way to entities.counts arrives within it. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** Slow enough that the stream is mid-way when the test kills it. */
    private static final long EXTRACTION_DELAY_MS = 10;

    @Test
    void everyDocumentIsEnrichedAndCountedExactlyOnceAcrossAKill(KafkaStack stack, @TempDir Path stateDir)
            throws Exception {
        Pipeline pipeline = new Pipeline(stack);
        String prefix = UUID.randomUUID().toString().substring(0, 8) + "-";
        // A dossier no other test mentions: its count must end at exactly one per document.
        String dossier = Integer.toString(ThreadLocalRandom.current().nextInt(40_000, 50_000));
        List<IngestedDocument> documents = IntStream.range(0, DOCUMENTS).mapToObj(i -> document(prefix + i,
                KAMERBRIEF + "\nZie Kamerstuk " + dossier + ", nr. " + (i + 1) + ".\n")).toList();
        pipeline.ingest(documents);
        pipeline.delete(documents.subList(0, DELETED).stream().map(IngestedDocument::getId).toList());
        pipeline.ingest(documents.subList(DELETED, SAME_AGAIN));
        pipeline.ingest(documents.subList(SAME_AGAIN, CHANGED).stream()
                .map(d -> document(d.getId(), KAMERBRIEF)).toList());
        pipeline.ingest(documents.subList(CHANGED, DUPLICATES).stream()
                .map(d -> IngestedDocument.newBuilder(document(d.getId(), "")).setDuplicate(true).build()).toList());

        Map<String, String> settings = new HashMap<>(pipeline.settings(KafkaStack.uniqueName("enrich-kill"),
                stateDir.toString()));
        // The restarted instance takes the crashed one's place in the group at once.
        settings.put("STATIC_MEMBERSHIP", "true");
        settings.put("COMMIT_INTERVAL", "200ms");

        Process child = ChildJvm.start(SlowEnrichMain.class, List.of(Long.toString(EXTRACTION_DELAY_MS)), settings,
                Path.of("target", "kill-and-restart-child.log"));
        int committedAtKill;
        try {
            committedAtKill = pipeline.await(Topics.ENRICHED, r -> key(r).startsWith(prefix), 40,
                    Duration.ofSeconds(90)).size();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(committedAtKill).as("versions enriched before the kill").isBetween(40, DOCUMENTS + CHANGED - 1);

        try (EnrichService restarted = new EnrichService(EnrichConfig.from(Settings.of(settings)),
                EntityExtractor.create()::extract, Clock.systemUTC())) {
            restarted.start();
            List<ConsumerRecord<byte[], byte[]>> enriched = pipeline.await(Topics.ENRICHED,
                    r -> key(r).startsWith(prefix), DOCUMENTS + CHANGED, Duration.ofSeconds(120));

            // Every version exactly once: no version lost or repeated by the kill.
            Map<String, List<String>> versions = new HashMap<>();
            enriched.forEach(r -> versions.computeIfAbsent(key(r), k -> new ArrayList<>())
                    .add(r.value() == null ? "deleted" : "enriched"));
            for (int i = 0; i < DOCUMENTS; i++) {
                List<String> expected = i < DELETED ? List.of("enriched", "deleted")
                        : i < CHANGED ? List.of("enriched", "enriched") : List.of("enriched");
                assertThat(versions.get(prefix + i)).as("versions of document %d", i).isEqualTo(expected);
            }
            EntityCount count = awaitCount(pipeline, "KAMERSTUK:" + dossier, MENTIONING_AT_END);
            assertThat(count.getDocuments()).isEqualTo(MENTIONING_AT_END);
            assertThat(count.getMentions()).isEqualTo(MENTIONING_AT_END);
            // Not a value passed on the way: the counts (a second hop, from entities.mentions) stay there.
            Thread.sleep(SETTLE.toMillis());
            assertThat(latestCount(pipeline, "KAMERSTUK:" + dossier)).isEqualTo(count);
        }
    }

    /** The latest committed count of the entity, once it is {@code expected} (or the last one seen after a minute). */
    private static EntityCount awaitCount(Pipeline pipeline, String entityKey, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        EntityCount latest = null;
        while (System.nanoTime() < deadline) {
            latest = latestCount(pipeline, entityKey);
            if (latest != null && latest.getDocuments() == expected) {
                return latest;
            }
            Thread.sleep(500);
        }
        return latest;
    }

    /** The latest committed count of the entity; null if none or a tombstone. */
    private static EntityCount latestCount(Pipeline pipeline, String entityKey) {
        List<ConsumerRecord<byte[], byte[]>> updates = pipeline.read(Topics.ENTITY_COUNTS, r -> key(r).equals(entityKey));
        return updates.isEmpty() ? null : pipeline.topics.entityCounts.valueSerde().deserializer()
                .deserialize(Topics.ENTITY_COUNTS, updates.get(updates.size() - 1).value());
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
