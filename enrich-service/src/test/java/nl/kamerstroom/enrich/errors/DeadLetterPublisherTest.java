package nl.kamerstroom.enrich.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final DeadLetterPublisher publisher = new DeadLetterPublisher(producer, "documents.dlq", "enrich-service",
            "test", new EnrichMetrics(new SimpleMeterRegistry()));

    @Test
    void writesTheDeadLetterOfARecordReprocessedAfterAnAbortedTransactionOnce() {
        assertThat(publisher.publish(letter(7))).isTrue();
        assertThat(publisher.publish(letter(7))).isTrue();
        assertThat(publisher.publish(letter(8))).isTrue();

        assertThat(producer.history()).extracting(r -> new String(r.headers().lastHeader(DeadLetter.HEADER_OFFSET).value()))
                .containsExactly("7", "8");
    }

    private static DeadLetter letter(long offset) {
        return new DeadLetter(DeadLetter.PROCESS, "documents.ingested", 0, offset, "0_0", "extract-entities",
                new byte[] {1}, new byte[] {2}, new RecordHeaders(), new IllegalStateException("boom"));
    }
}
