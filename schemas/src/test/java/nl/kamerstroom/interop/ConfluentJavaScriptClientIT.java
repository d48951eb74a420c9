package nl.kamerstroom.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.SampleEvents;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.serde.AvroSerializer;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.KafkaStackExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the wire format with a client nobody here wrote: Confluent's official JavaScript
 * schema-registry client ({@code @confluentinc/schemaregistry}) reads, through the real broker
 * and registry, a record our serializer produced, and decodes it field for field.
 */
@ExtendWith(KafkaStackExtension.class)
class ConfluentJavaScriptClientIT {

    private static final Path SCRIPT_DIR = Path.of("src/test/js");

    @Test
    void confluentsJavaScriptClientDecodesOurRecord(KafkaStack stack) throws Exception {
        String topic = "interop.documents.enriched";
        stack.createTopic(topic, 1, Map.of());
        EnrichedDocument event = SampleEvents.enriched();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()),
                new StringSerializer(),
                new AvroSerializer<EnrichedDocument>(new AvroSerdeConfig(stack.schemaRegistryUrl(), true, false), false))) {
            producer.send(new ProducerRecord<>(topic, event.getDocument().getId(), event)).get();
        }

        JsonNode line = new ObjectMapper().readTree(runNode(stack, topic));

        assertThat(line.path("key").asText()).isEqualTo(event.getDocument().getId());
        JsonNode value = line.path("value");
        JsonNode document = value.path("document");
        assertThat(document.path("fileName").asText()).isEqualTo("kamerbrief.pdf");
        assertThat(document.path("text").asText()).isEqualTo(event.getDocument().getText());
        assertThat(document.path("title").asText()).isEqualTo("Steun aan Oekraïne");
        assertThat(document.path("sizeBytes").asLong()).isEqualTo(20_480);
        assertThat(document.path("pageCount").asInt()).isEqualTo(3);
        assertThat(document.path("created").asLong()).isEqualTo(event.getDocument().getCreated().toEpochMilli());
        assertThat(document.path("metadata").path("pdf:producer").asText()).isEqualTo("Word");
        JsonNode entities = value.path("entities");
        assertThat(entities.path("ministries").get(0).path("id").asText()).isEqualTo("BZ");
        assertThat(entities.path("countries").get(0).path("id").asText()).isEqualTo("UA");
        assertThat(entities.path("motions").get(0).path("submitters").get(0).asText()).isEqualTo("Kuzu");
        assertThat(entities.path("motions").get(0).path("dossier").asText()).isEqualTo("36045");
        JsonNode amount = entities.path("amounts").get(0);
        assertThat(decimal(amount.path("value"), 2)).isEqualByComparingTo("300000000");
        assertThat(amount.path("currency").asText()).isEqualTo("EUR");
        assertThat(value.path("textMetadata").path("date").asInt())
                .isEqualTo((int) event.getTextMetadata().getDate().toEpochDay());
        assertThat(value.path("summary").path("redactionGrounds").get(0).asText()).isEqualTo("5.1.2e");
    }

    /** An Avro decimal as printed by consume.js: big-endian two's-complement unscaled bytes in hex. */
    private static BigDecimal decimal(JsonNode node, int scale) {
        return new BigDecimal(new BigInteger(HexFormat.of().parseHex(node.path("$bytes").asText())), scale);
    }

    private static String runNode(KafkaStack stack, String topic) throws IOException, InterruptedException {
        Path output = Files.createTempFile("interop", ".jsonl");
        Path errors = Files.createTempFile("interop", ".err");
        Process node = new ProcessBuilder("node", "consume.js", stack.bootstrapServers(), stack.schemaRegistryUrl(),
                topic, "1")
                .directory(SCRIPT_DIR.toFile())
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        boolean finished = node.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(finished).as("node finished; stderr: %s", err).isTrue();
        assertThat(node.exitValue()).as("node exit code; stderr: %s", err).isZero();
        return Files.readString(output, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }
}
