package nl.kamerstroom.enrich.topology;

import static nl.kamerstroom.enrich.Documents.document;
import static nl.kamerstroom.enrich.Documents.kamerbrief;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.extraction.AmountMention;
import nl.kamerstroom.extraction.EntityExtractor;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a record can fail sends it to documents.dlq with its original bytes, and the stream goes on. */
class DeadLetterTopologyTest {

    private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

    /** Fails on one marker, and on another returns an amount too large for the Avro decimal (24 digits). */
    /** Whether the extractor fails on EXPLODE: a test turns it off to play "the cause is fixed". */
    private final AtomicBoolean explode = new AtomicBoolean(true);

    private final TextExtractor flaky = text -> {
        if (explode.get() && text.contains("EXPLODE")) {
            throw new IllegalStateException("extractor failed on EXPLODE");
        }
        if (text.contains("HUGE")) {
            return new Extraction(List.of(), List.of(), List.of(),
                    List.of(new AmountMention("HUGE", 0, 4, new BigDecimal("1e30"), "EUR")), List.of(), List.of(), null);
        }
        return EXTRACTOR.extract(text);
    };

    @TempDir
    Path stateDir;
    private TopologyFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TopologyFixture(flaky, stateDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void sendsUnreadableBytesToTheDeadLetterTopicAndGoesOn() {
        byte[] garbage = "this is not Avro".getBytes(StandardCharsets.UTF_8);
        fixture.ingestedBytes.pipeInput("x1", garbage);
        fixture.ingested.pipeInput("a1", kamerbrief("a1"));

        ProducerRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(letter.topic()).isEqualTo(Topics.DEAD_LETTERS);
        assertThat(letter.key()).isEqualTo("x1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo(Topics.INGESTED);
        assertThat(header(letter, DeadLetter.HEADER_PARTITION)).isEqualTo("0");
        assertThat(header(letter, DeadLetter.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_CLASS))
                .isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_MESSAGE)).contains("not in the Confluent Avro wire format");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_STACKTRACE)).contains("AvroDeserializer");
        assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.DESERIALIZE);
        assertThat(header(letter, DeadLetter.HEADER_SERVICE)).isEqualTo("enrich-service");
        assertThat(fixture.counter("kamerstroom.enrich.dlq", "reason", DeadLetter.DESERIALIZE)).isEqualTo(1);

        assertThat(fixture.enrichedKeys()).containsExactly("a1");
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void sendsADocumentTheExtractorFailsOnToTheDeadLetterTopicAndGoesOn() {
        IngestedDocument failing = document("e1", "Deze tekst laat de extractor vallen: EXPLODE.");
        fixture.ingested.pipeInput("e1", failing);
        fixture.ingested.pipeInput("a1", kamerbrief("a1"));

        ProducerRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(letter.key()).isEqualTo("e1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.value()).isEqualTo(fixture.serialized(failing));
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_MESSAGE)).isEqualTo("extractor failed on EXPLODE");
        assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PROCESS);
        assertThat(header(letter, DeadLetter.HEADER_PROCESSOR)).isEqualTo("enrich-document");
        assertThat(header(letter, DeadLetter.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(letter, DeadLetter.HEADER_TASK_ID)).isEqualTo("0_0");
        assertThat(fixture.counter("kamerstroom.enrich.dlq", "reason", DeadLetter.PROCESS)).isEqualTo(1);

        assertThat(fixture.enrichedKeys()).containsExactly("a1");
        assertThat(fixture.enriched.isEmpty()).isTrue();
    }

    @Test
    void aDeadLetterReplayedOnceTheCauseIsFixedGoesThroughAndCountsOnce() {
        IngestedDocument failing = document("e1", "De Minister van Financiën schrijft. EXPLODE");
        fixture.ingest("e1", failing);
        ProducerRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(fixture.mentions.isEmpty()).isTrue();
        assertThat(fixture.counts.isEmpty()).isTrue();

        explode.set(false);
        fixture.ingestedBytes.pipeInput(new String(letter.key(), StandardCharsets.UTF_8), letter.value());

        assertThat(fixture.enrichedKeys()).containsExactly("e1");
        assertThat(fixture.counts.readKeyValuesToMap().get("MINISTRY:FIN").getDocuments()).isEqualTo(1);
        assertThat(fixture.deadLetterProducer.history()).hasSize(1);
    }

    @Test
    void keepsADocumentWithAnAmountTooLargeForTheDecimalAndDropsOnlyThatAmount() {
        fixture.ingest("h1", document("h1", "Een bedrag: HUGE."));
        fixture.ingest("n1", document("n1", "Een getal van 1234567890123456789012345678901234567890 euro en 5 euro."));

        var enriched = fixture.enriched.readValuesToList();
        assertThat(enriched).extracting(e -> e.getDocument().getId()).containsExactly("h1", "n1");
        assertThat(enriched.get(0).getEntities().getAmounts()).isEmpty();
        assertThat(enriched.get(0).getSummary().getAmountTotals()).isEmpty();
        assertThat(enriched.get(1).getEntities().getAmounts()).extracting(a -> a.getValue())
                .containsExactly(new BigDecimal("5.00"));
        assertThat(fixture.registry.get("kamerstroom.enrich.amounts.dropped").counter().count()).isEqualTo(2);
        assertThat(fixture.deadLetterProducer.history()).isEmpty();
    }

    @Test
    void sendsADocumentWhoseEnrichedFormIsTooLargeOnlyToTheDeadLetterTopic() {
        fixture.close();
        fixture = new TopologyFixture(flaky, stateDir, Map.of("MAX_RECORD_BYTES", "64KiB"));
        fixture.ingest("a1", kamerbrief("a1"));
        CurrentState before = new CurrentState(fixture).read();
        fixture.mentions.readKeyValuesToList();
        IngestedDocument large = document("l1", "Minister van Financiën. ".repeat(2_500));
        fixture.ingest("l1", large);

        // All or nothing: no enriched document, no mentions, no count change for the dead letter.
        assertThat(fixture.enriched.isEmpty()).isTrue();
        assertThat(fixture.mentions.isEmpty()).isTrue();
        assertThat(fixture.counts.isEmpty()).isTrue();
        assertThat(before.counted()).isEqualTo(before.recount())
                .containsEntry("MINISTRY:FIN", new CurrentState.Totals(1, 1));

        ProducerRecord<byte[], byte[]> letter = onlyDeadLetter();
        assertThat(letter.value()).isEqualTo(fixture.serialized(large));
        assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PRODUCE);
        assertThat(header(letter, DeadLetter.HEADER_PROCESSOR)).isEqualTo("enrich-document");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_CLASS))
                .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException");
        assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_MESSAGE)).contains("MAX_RECORD_BYTES");
        assertThat(fixture.counter("kamerstroom.enrich.dlq", "reason", DeadLetter.PRODUCE)).isEqualTo(1);
    }

    private ProducerRecord<byte[], byte[]> onlyDeadLetter() {
        assertThat(fixture.deadLetterProducer.history()).hasSize(1);
        return fixture.deadLetterProducer.history().get(0);
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
