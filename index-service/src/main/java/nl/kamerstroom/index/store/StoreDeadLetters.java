package nl.kamerstroom.index.store;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstroom.common.deadletter.DeadLetter;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store puts records of documents.index it cannot index: {@code documents.index.dlq},
 * with the shared error headers and this replica's instance id (every replica reads every
 * record, so each one that fails writes its own dead letter). A send waits for the broker's
 * acknowledgement, so the feeder only moves past a record once its dead letter is stored.
 */
public final class StoreDeadLetters implements AutoCloseable {

    static final String SERVICE = "index";
    private static final Logger LOG = LoggerFactory.getLogger(StoreDeadLetters.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String instance;
    private final MeterRegistry registry;

    public StoreDeadLetters(Producer<byte[], byte[]> producer, String topic, String instance, MeterRegistry registry) {
        this.producer = producer;
        this.topic = topic;
        this.instance = instance;
        this.registry = registry;
    }

    /** Stores the dead letter; false (logged) when the broker did not take it, so the record is retried. */
    public boolean send(DeadLetter letter) {
        LOG.warn("Sending record {}-{}@{} to {}: {} failed: {}", letter.topic(), letter.partition(), letter.offset(),
                topic, letter.stage(), letter.error().toString());
        try {
            try {
                write(letter);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException)) {
                    throw e;
                }
                // Under the topic's limit compressed, over the producer's uncompressed.
                write(letter.withoutValue());
            }
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.error("Could not write the dead letter of {}-{}@{} to {}; retrying the record", letter.topic(),
                    letter.partition(), letter.offset(), topic, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        StoreMetrics.deadLetterCounter(registry, letter.topic(), letter.stage()).increment();
        return true;
    }

    private void write(DeadLetter letter) throws ExecutionException, TimeoutException, InterruptedException {
        producer.send(letter.toRecord(topic, SERVICE, instance)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
