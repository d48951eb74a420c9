package nl.kamerstroom.enrich.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.kamerstroom.common.deadletter.DeadLetter;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes dead letters to {@code documents.dlq} for the Streams exception handlers. Kafka
 * Streams 4.1 creates its handlers itself from class names, so the publisher reaches them
 * through the Streams properties under {@link #CONFIG_KEY}.
 *
 * <p>Its producer is not the Streams transactional producer (Kafka 4.1 gives handlers no way
 * to add records to the task's transaction; KIP-1034 does, from 4.2). A dead letter is
 * therefore written at least once: if the task is retried after a crash, the same dead
 * letter may be written again. Each send waits for the broker's acknowledgement before the
 * handler lets Streams move on, so a failed record is never dropped silently; errors are rare
 * enough that the wait costs nothing.
 *
 * <p>A task whose transaction aborted reprocesses its records, and would write their dead
 * letters again; the publisher remembers the source coordinates of the last
 * {@value #REMEMBERED} letters it wrote and skips a repeat. After a restart, repeats are possible.
 */
public final class DeadLetterPublisher {

    public static final String CONFIG_KEY = "kamerstroom.dead.letter.publisher";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final long ACK_TIMEOUT_SECONDS = 30;
    static final int REMEMBERED = 10_000;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String service;
    private final String instance;
    private final EnrichMetrics metrics;
    private final Set<String> written = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public DeadLetterPublisher(Producer<byte[], byte[]> producer, String topic, String service, String instance,
                               EnrichMetrics metrics) {
        this.producer = producer;
        this.topic = topic;
        this.service = service;
        this.instance = instance;
        this.metrics = metrics;
    }

    /** The publisher the service put into the Streams properties. */
    static DeadLetterPublisher from(Map<String, ?> configs) {
        Object publisher = configs.get(CONFIG_KEY);
        if (!(publisher instanceof DeadLetterPublisher p)) {
            throw new IllegalStateException("Streams property " + CONFIG_KEY + " must hold the DeadLetterPublisher");
        }
        return p;
    }

    private boolean alreadyWritten(String coordinates) {
        synchronized (written) {
            return written.contains(coordinates);
        }
    }

    private void remember(String coordinates) {
        synchronized (written) {
            written.add(coordinates);
        }
    }

    /** Sends the dead letter and waits for it to be stored; false when that failed. */
    public boolean publish(DeadLetter letter) {
        String coordinates = letter.stage() + "|" + letter.topic() + "|" + letter.partition() + "|" + letter.offset();
        if (letter.offset() >= 0 && alreadyWritten(coordinates)) {
            LOG.info("Dead letter for {}-{}@{} ({}) was written before; not repeating it", letter.topic(),
                    letter.partition(), letter.offset(), letter.stage());
            return true;
        }
        LOG.warn("Sending record {}-{}@{} to {}: {} failed: {}", letter.topic(), letter.partition(), letter.offset(),
                topic, letter.stage(), letter.error().toString());
        try {
            producer.send(letter.toRecord(topic, service, instance)).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            metrics.deadLetter(letter.stage());
            remember(coordinates);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.error("Could not write dead letter for {}-{}@{} to {}", letter.topic(), letter.partition(),
                    letter.offset(), topic, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
