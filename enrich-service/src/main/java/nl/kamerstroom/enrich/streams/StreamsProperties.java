package nl.kamerstroom.enrich.streams;

import java.util.Properties;
import nl.kamerstroom.common.kafka.ExactlyOnceStreams;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.errors.DeadLetterDeserializationHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProcessingHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProductionHandler;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the enrich-service: the shared exactly-once ones, and its own. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    public static Properties of(EnrichConfig config, DeadLetterPublisher deadLetters) {
        Properties props = ExactlyOnceStreams.properties(config.kafka(), config.applicationId(),
                config.commitInterval(), config.maxRecordBytes());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.instanceStateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStateStoreMemory.class);
        props.put(BoundedStateStoreMemory.BYTES_CONFIG, config.stateStoreMemoryBytes());

        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        props.put(DeadLetterPublisher.CONFIG_KEY, deadLetters);

        if (config.staticMembership()) {
            // Streams appends the thread index, so each thread is its own static member.
            props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    config.applicationId() + "-" + config.kafka().instanceId());
        }
        return props;
    }
}
