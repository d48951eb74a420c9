package nl.kamerstroom.launcher.documents;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.launcher.inspect.TopicScan;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Withdraws a document from the pipeline: gone from documents.enriched, documents.index (and so "
                + "from every store that follows it) and from the entity counts.",
                "Writes a tombstone (key = document id, no value) on documents.ingested; enrich-service turns it into "
                        + "tombstones downstream. The document is looked up on documents.index by id, file name or "
                        + "path relative to the inbox.",
                "Exit code 0 when the tombstone is written, 1 when no document or more than one matches."})
public final class DeleteCommand implements Callable<Integer> {

    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{64}");

    @Parameters(paramLabel = "ID|FILE_NAME", description = "Document id (SHA-256 of the file), file name or relative path.")
    String document;

    @Mixin
    PipelineOptions pipeline;

    @Spec
    CommandSpec spec;

    /** A current document on documents.index, as far as deleting it goes. */
    record Indexed(String id, String fileName, String relativePath) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KafkaConfig config = pipeline.config();
        List<Indexed> matches = find(config, document);
        if (matches.isEmpty()) {
            err.println("kamerstroom delete: no document on " + Topics.INDEX + " has the id, file name or path '"
                    + document + "'");
            return 1;
        }
        if (matches.size() > 1) {
            err.println("kamerstroom delete: " + matches.size() + " documents are named '" + document
                    + "'; delete one by its id:");
            matches.forEach(m -> err.println("  " + m.id() + "  " + m.relativePath()));
            return 1;
        }
        Indexed target = matches.get(0);
        try (DocumentProducer producer = new DocumentProducer(config, "kamerstroom-delete")) {
            producer.sendAndWait(new ProducerRecord<>(Topics.INGESTED, target.id().getBytes(StandardCharsets.UTF_8), null));
        }
        out.println("Deleted " + target.relativePath() + " (" + target.id() + "): tombstone written to "
                + Topics.INGESTED + ".");
        out.println("enrich-service removes it from " + Topics.ENRICHED + " and " + Topics.ENTITY_COUNTS
                + "; index-service from " + Topics.INDEX + " and the search index.");
        return 0;
    }

    /** The current documents whose id, file name or relative path is {@code name}. */
    static List<Indexed> find(KafkaConfig config, String name) {
        Deserializer<IndexDocument> values = Topics.create(config.serdeConfig()).index.valueSerde().deserializer();
        Map<String, Indexed> current = new LinkedHashMap<>();
        new TopicScan(config, "kamerstroom-delete").read(Topics.INDEX, record -> {
            if (record.key() == null) {
                return;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                current.remove(id);
                return;
            }
            // Only ids can be told apart without decoding; decoding is needed for names.
            if (DOCUMENT_ID.matcher(name).matches() && !id.equals(name)) {
                current.remove(id);
                return;
            }
            IndexDocument doc = values.deserialize(Topics.INDEX, record.value());
            if (id.equals(name) || name.equals(doc.getFileName()) || name.equals(doc.getRelativePath())) {
                current.put(id, new Indexed(id, doc.getFileName(), doc.getRelativePath()));
            } else {
                current.remove(id);
            }
        });
        return List.copyOf(current.values());
    }
}
