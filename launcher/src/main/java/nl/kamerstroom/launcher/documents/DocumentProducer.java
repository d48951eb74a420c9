package nl.kamerstroom.launcher.documents;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.kafka.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records for an operator's command with the pipeline's durable, idempotent producer
 * settings. {@link #close} waits until the broker has every record, so a command that returns
 * 0 has written everything it reported.
 */
final class DocumentProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> firstError = new AtomicReference<>();
    private boolean closed;

    DocumentProducer(KafkaConfig config, String clientId) {
        producer = new KafkaProducer<>(KafkaClients.documentProducer(config, clientId), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                firstError.compareAndSet(null, error);
            }
        });
    }

    /** Writes one record and waits for the broker's acknowledgement. */
    RecordMetadata sendAndWait(ProducerRecord<byte[], byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new KafkaException("Could not write to " + record.topic() + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while writing to " + record.topic(), e);
        }
    }

    /** Waits for every record; a second call does nothing. @throws KafkaException when a record sent with {@link #send} was not written */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.flush();
        producer.close();
        Exception error = firstError.get();
        if (error != null) {
            throw new KafkaException("Not every record was written: " + error.getMessage(), error);
        }
    }
}
