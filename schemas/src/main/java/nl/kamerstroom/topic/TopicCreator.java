package nl.kamerstroom.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs when they are absent, with their declared settings.
 * Brokers run with auto-creation off, so a topic never appears with default settings.
 */
public final class TopicCreator {

    /** How long {@link #ensure(Admin, Collection, int, short)} waits for each answer of the broker. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

    private TopicCreator() {
    }

    /** Creates each topic that does not exist yet; existing topics are left as they are. */
    public static void ensure(Admin admin, Collection<Topic<?, ?>> topics, int partitions, short replicationFactor) {
        ensure(admin, topics, partitions, replicationFactor, DEFAULT_TIMEOUT);
    }

    /** As {@link #ensure(Admin, Collection, int, short)}, giving up when the broker does not answer within {@code timeout}. */
    public static void ensure(Admin admin, Collection<Topic<?, ?>> topics, int partitions, short replicationFactor,
                              Duration timeout) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic.newTopic(partitions, replicationFactor));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("Created topic {} ({} partitions, replication {})", entry.getKey(), partitions,
                            replicationFactor);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Could not create topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while creating topics", e);
        }
    }
}
