package nl.kamerstroom.enrich.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import nl.kamerstroom.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLetterProductionHandlerTest {

    private static final byte[] SOURCE_KEY = "doc-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SOURCE_VALUE = {0, 0, 0, 0, 1, 42};
    private static final ProducerRecord<byte[], byte[]> OUTPUT =
            new ProducerRecord<>("documents.enriched", SOURCE_KEY, new byte[1024]);

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterProductionHandler handler = new DeadLetterProductionHandler();

    @BeforeEach
    void configure() {
        DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "documents.dlq", "enrich-service", "test",
                new EnrichMetrics(registry));
        handler.configure(Map.of(DeadLetterPublisher.CONFIG_KEY, publisher));
    }

    @Test
    void sendsTheSourceDocumentOfAnOutputTooLargeToTheDeadLetterTopicAndContinues() {
        var response = handler.handle(new Context(), OUTPUT, new RecordTooLargeException("The message is 20971620 bytes"));

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(producer.history()).singleElement().satisfies(letter -> {
            assertThat(letter.topic()).isEqualTo("documents.dlq");
            assertThat(letter.key()).isEqualTo(SOURCE_KEY);
            assertThat(letter.value()).isEqualTo(SOURCE_VALUE);
            assertThat(header(letter, DeadLetter.HEADER_TOPIC)).isEqualTo("documents.ingested");
            assertThat(header(letter, DeadLetter.HEADER_PARTITION)).isEqualTo("2");
            assertThat(header(letter, DeadLetter.HEADER_OFFSET)).isEqualTo("17");
            assertThat(header(letter, DeadLetter.HEADER_EXCEPTION_CLASS)).isEqualTo(RecordTooLargeException.class.getName());
            assertThat(header(letter, DeadLetter.HEADER_STAGE)).isEqualTo(DeadLetter.PRODUCE);
            assertThat(header(letter, DeadLetter.HEADER_INSTANCE)).isEqualTo("test");
            assertThat(header(letter, "trace-id")).isEqualTo("abc");
        });
        assertThat(registry.get("kamerstroom.enrich.dlq").tag("reason", "produce").counter().count()).isEqualTo(1);
    }

    @Test
    void retriesRetriableErrorsWithoutADeadLetter() {
        var response = handler.handle(new Context(), OUTPUT, new NotEnoughReplicasException("broker away"));

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.RETRY);
        assertThat(producer.history()).isEmpty();
    }

    /** A fresh instance during a registry outage cannot serialise mentions or counts: redo the task, never dead-letter. */
    @Test
    void aRegistryThatCannotAnswerFailsTheThreadWithoutADeadLetter() {
        var down = new SchemaRegistryException("registry unreachable", 0, 0, null);

        assertThat(handler.handleSerializationException(new Context(), OUTPUT, down,
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        var deserialization = new DeadLetterDeserializationHandler();
        deserialization.configure(Map.of(DeadLetterPublisher.CONFIG_KEY, new DeadLetterPublisher(producer,
                "documents.dlq", "enrich-service", "test", new EnrichMetrics(registry))));
        assertThat(deserialization.handle(new Context(), new ConsumerRecord<>("entities.counts-repartition", 0, 5L,
                SOURCE_KEY, SOURCE_VALUE), new SerializationException("could not read schema id 1", down)))
                .isEqualTo(DeserializationExceptionHandler.DeserializationHandlerResponse.FAIL);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void failsRatherThanLoseTheRecordWhenTheDeadLetterCannotBeWritten() {
        producer.sendException = new KafkaException("dead-letter topic unavailable");

        var response = handler.handle(new Context(), OUTPUT, new RecordTooLargeException("too large"));

        assertThat(response).isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(registry.find("kamerstroom.enrich.dlq").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Where the failed output came from: offset 17 of partition 2 of documents.ingested. */
    private static final class Context implements ErrorHandlerContext {
        @Override public String topic() { return "documents.ingested"; }
        @Override public int partition() { return 2; }
        @Override public long offset() { return 17; }
        @Override public Headers headers() { return new RecordHeaders().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8)); }
        @Override public String processorNodeId() { return "documents-enriched-sink"; }
        @Override public TaskId taskId() { return new TaskId(0, 2); }
        @Override public long timestamp() { return 0; }
        @Override public byte[] sourceRawKey() { return SOURCE_KEY; }
        @Override public byte[] sourceRawValue() { return SOURCE_VALUE; }
    }
}
