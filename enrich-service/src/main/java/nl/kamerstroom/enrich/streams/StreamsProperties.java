package nl.kamerstroom.enrich.streams;

import java.util.Properties;
import nl.kamerstroom.common.kafka.KafkaClients;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.errors.DeadLetterDeserializationHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProcessingHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProductionHandler;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the enrich-service, each with the reason it differs from the default. */
public final class StreamsProperties {

    /**
     * Streams' default producer linger is 100 ms. Under exactly-once the commit flushes the
     * producer anyway, so lingering longer than a few ms only adds latency; 5 ms still fills
     * batches when documents arrive in bursts.
     */
    static final int LINGER_MS = 5;

    private StreamsProperties() {
    }

    public static Properties of(EnrichConfig config, DeadLetterPublisher deadLetters) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + config.kafka().instanceId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.instanceStateDir().toAbsolutePath().toString());
        // Each document is enriched and counted once, also across crashes: output, store
        // changelogs and input offsets are committed in one transaction.
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Output is visible to read_committed readers only after the commit, so the commit
        // interval bounds end-to-end latency (default 100 ms under exactly-once: p50 54 ms,
        // p99 107 ms measured). Streams commits only when it processed something, so an idle
        // service costs no transactions.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka().topicReplicationFactor());

        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetterPublisher.CONFIG_KEY, deadLetters);

        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        // Documents are 20 KB and up: a 16 KB batch would hold less than one (2.7x slower).
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), KafkaClients.DOCUMENT_BATCH_BYTES);
        // zstd shrinks text ~4x; multi-MB documents stay below the topics' 16 MiB limit.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxRecordBytes());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), Topics.MAX_MESSAGE_BYTES);
        if (config.staticMembership()) {
            // Streams appends the thread index, so each thread is its own static member.
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    config.applicationId() + "-" + config.kafka().instanceId());
        }
        return props;
    }
}
