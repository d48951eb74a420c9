package nl.kamerstroom.launcher.documents;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.enrich.entities.ExtractorVersion;
import nl.kamerstroom.launcher.inspect.TopicScan;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Enriches stored documents again, e.g. after an upgrade of the extraction rules, while the "
                + "pipeline keeps taking new files.",
                "Reads the current version of every document from the compacted " + Topics.ENRICHED
                        + " (which holds each document as it was ingested) and writes the selected ones back to "
                        + Topics.INGESTED + ". enrich-service enriches them with the rules it runs now; "
                        + Topics.INDEX + " and " + Topics.ENTITY_COUNTS + " then hold only the new result.",
                "Run it after the new enrich-service is up. A document deleted while this runs may come back: "
                        + "do not delete and reprocess at the same time."})
public final class ReprocessCommand implements Callable<Integer> {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    @Option(names = "--dry-run", description = "Only say which documents would be enriched again.")
    boolean dryRun;

    @Option(names = "--older-than-version", paramLabel = "VERSION",
            description = "Only documents enriched by rules older than VERSION (and those enriched before versions "
                    + "were recorded); this build's rules have the version `kamerstroom --version` shows.")
    String olderThan;

    @Option(names = "--id", paramLabel = "ID", split = ",", description = "Only these documents (repeatable, or comma-separated).")
    Set<String> ids;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    /** The latest record of a document on documents.enriched: where it is, and what decides whether it is selected. */
    private record Latest(TopicPartition partition, long offset, String extractorVersion) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        KafkaConfig config = pipeline.config();
        Deserializer<EnrichedDocument> enriched = pipeline.topics(config).enriched.valueSerde().deserializer();
        TopicScan reader = new TopicScan(config, "kamerstroom-reprocess");

        // Pass 1: the current version of each document (a later record or tombstone replaces an earlier one).
        out.printf("Reading %s...%n", Topics.ENRICHED);
        out.flush();
        Map<String, Latest> current = new HashMap<>();
        boolean exists = reader.read(Topics.ENRICHED, record -> {
            String id = key(record);
            if (id == null) {
                return;
            }
            if (record.value() == null) {
                current.remove(id);
            } else if (ids == null || ids.contains(id)) {
                // Decoding a whole document only for its version costs; skip it when no version is asked for.
                String version = olderThan == null ? null
                        : enriched.deserialize(Topics.ENRICHED, record.value()).getExtractorVersion();
                current.put(id, new Latest(new TopicPartition(record.topic(), record.partition()), record.offset(),
                        version));
            }
        });
        if (!exists) {
            spec.commandLine().getErr().println("kamerstroom reprocess: topic " + Topics.ENRICHED + " does not exist");
            return 1;
        }
        warnAboutIndexedDocumentsWithoutSource(reader, current.keySet(), out);
        long selected = current.values().stream().filter(this::selected).count();
        out.printf("%d current documents on %s%s; %d selected%s. This launcher's rules: %s.%n",
                current.size(), Topics.ENRICHED, ids == null ? "" : " among the " + ids.size() + " ids asked for",
                selected, olderThan == null ? "" : " (enriched by rules older than " + olderThan + ")",
                ExtractorVersion.CURRENT);
        if (dryRun || selected == 0) {
            out.println(dryRun ? "Dry run: nothing written." : "Nothing to do.");
            return 0;
        }

        // Pass 2: write exactly those records back, as the ingested documents they hold.
        Serializer<IngestedDocument> ingested = pipeline.topics(config).ingested.valueSerde().serializer();
        long[] written = {0};
        long started = System.nanoTime();
        long[] lastReport = {started};
        try (DocumentProducer producer = new DocumentProducer(config, "kamerstroom-reprocess")) {
            reader.read(Topics.ENRICHED, record -> {
                Latest latest = current.get(key(record));
                if (latest == null || latest.offset() != record.offset() || !selected(latest)
                        || !latest.partition().equals(new TopicPartition(record.topic(), record.partition()))) {
                    return;
                }
                IngestedDocument document = enriched.deserialize(Topics.ENRICHED, record.value()).getDocument();
                producer.send(new ProducerRecord<>(Topics.INGESTED, record.key(),
                        ingested.serialize(Topics.INGESTED, document)));
                written[0]++;
                if (System.nanoTime() - lastReport[0] >= PROGRESS_EVERY.toNanos()) {
                    lastReport[0] = System.nanoTime();
                    out.printf("  %d of %d documents written to %s%n", written[0], selected, Topics.INGESTED);
                    out.flush();
                }
            });
        }
        out.printf("Wrote %d documents to %s in %.1f s; enrich-service enriches them again as it goes "
                        + "(follow it with `kamerstroom topics`: lag of kamerstroom-enrich on %s).%n", written[0],
                Topics.INGESTED, (System.nanoTime() - started) / 1e9, Topics.INGESTED);
        return 0;
    }

    /**
     * Documents on documents.index that documents.enriched no longer holds (it deleted records
     * after 30 days before it was made compacted) cannot be re-enriched from it: say so, rather
     * than leave them silently on their old rules.
     */
    private void warnAboutIndexedDocumentsWithoutSource(TopicScan reader, Set<String> sources, PrintWriter out) {
        Set<String> indexed = new HashSet<>();
        reader.read(Topics.INDEX, record -> {
            String id = key(record);
            if (id == null || (ids != null && !ids.contains(id))) {
                return;
            }
            if (record.value() == null) {
                indexed.remove(id);
            } else {
                indexed.add(id);
            }
        });
        indexed.removeAll(sources);
        if (!indexed.isEmpty()) {
            out.printf("Warning: %d documents on %s are not on %s (expired there before it was compacted) and "
                    + "cannot be reprocessed from it: they keep their current version.%n",
                    indexed.size(), Topics.INDEX, Topics.ENRICHED);
        }
    }

    private boolean selected(Latest latest) {
        return olderThan == null || ExtractorVersion.ORDER.compare(latest.extractorVersion(), olderThan) < 0;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
