package nl.kamerstroom.enrich.it;

import static nl.kamerstroom.enrich.Documents.KAMERBRIEF;
import static nl.kamerstroom.enrich.Documents.document;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * Exactly-once across a crash: the service is killed with SIGKILL in the middle of the stream
 * (uncommitted transaction open, state stores dirty), restarted on the same state directory, and
 * read_committed readers still see every document once, and the counts count each once.
 */
@WithKafkaStack
class KillAndRestartIT {

    private static final int DOCUMENTS = 400;
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
        assertThat(committedAtKill).as("documents enriched before the kill").isBetween(40, DOCUMENTS - 1);

        try (EnrichService restarted = new EnrichService(EnrichConfig.from(Settings.of(settings)),
                EntityExtractor.create()::extract, Clock.systemUTC())) {
            restarted.start();
            List<ConsumerRecord<byte[], byte[]>> enriched = pipeline.await(Topics.ENRICHED,
                    r -> key(r).startsWith(prefix), DOCUMENTS, Duration.ofSeconds(90));

            assertThat(enriched).extracting(KillAndRestartIT::key).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(documents.stream().map(IngestedDocument::getId).toList());
            EntityCount count = awaitFinalCount(pipeline, "KAMERSTUK:" + dossier);
            assertThat(count.getDocuments()).isEqualTo(DOCUMENTS);
            assertThat(count.getMentions()).isEqualTo(DOCUMENTS);
        }
    }

    /** The latest committed count of the entity, once it stops changing. */
    private static EntityCount awaitFinalCount(Pipeline pipeline, String entityKey) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        EntityCount latest = null;
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<byte[], byte[]>> updates = pipeline.read(Topics.ENTITY_COUNTS,
                    r -> key(r).equals(entityKey));
            if (!updates.isEmpty()) {
                latest = pipeline.topics.entityCounts.valueSerde().deserializer()
                        .deserialize(Topics.ENTITY_COUNTS, updates.get(updates.size() - 1).value());
                if (latest.getDocuments() >= DOCUMENTS) {
                    return latest;
                }
            }
            Thread.sleep(500);
        }
        return latest;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
