package nl.kamerstroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.errors.DeadLetterDeserializationHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProcessingHandler;
import nl.kamerstroom.enrich.errors.DeadLetterProductionHandler;
import nl.kamerstroom.enrich.errors.DeadLetterPublisher;
import nl.kamerstroom.enrich.metrics.EnrichMetrics;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

    private final DeadLetterPublisher publisher = new DeadLetterPublisher(new MockProducer<>(), "documents.dlq",
            "enrich-service", "a", new EnrichMetrics(new SimpleMeterRegistry()));

    @Test
    void runsExactlyOnceWithTheDeadLetterHandlersAndLowLatencySettings() {
        Properties props = StreamsProperties.of(config(Map.of("TOPIC_REPLICATION_FACTOR", "3",
                "STREAM_THREADS", "2", "COMMIT_INTERVAL", "80ms", "MAX_RECORD_BYTES", "8MiB")), publisher);
        StreamsConfig streams = new StreamsConfig(props);

        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(80);
        assertThat(streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG)).isEqualTo(2);
        assertThat(streams.getClass(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationHandler.class);
        assertThat(streams.getClass(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingHandler.class);
        assertThat(streams.getClass(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProductionHandler.class);
        Map<String, Object> producer = streams.getProducerConfigs("p");
        assertThat(producer).containsEntry("linger.ms", 5).containsEntry("compression.type", "zstd")
                .containsEntry("max.request.size", 8 * 1024 * 1024);
        assertThat(streams.getMainConsumerConfigs("g", "c", 0)).doesNotContainKey("group.instance.id");
    }

    @Test
    void boundsTheStateStoresNativeMemory() {
        Properties props = StreamsProperties.of(config(Map.of("STATE_STORE_MEMORY", "64MiB")), publisher);
        StreamsConfig streams = new StreamsConfig(props);

        assertThat(streams.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedStateStoreMemory.class);
        assertThat(streams.originals()).containsEntry(BoundedStateStoreMemory.BYTES_CONFIG, 64L << 20);
    }

    @Test
    void namesEachThreadAStaticMemberWhenAsked() {
        Properties props = StreamsProperties.of(config(Map.of("STATIC_MEMBERSHIP", "true", "INSTANCE_ID", "enrich-2")),
                publisher);

        assertThat(new StreamsConfig(props).getMainConsumerConfigs("g", "c", 1))
                .containsEntry("group.instance.id", "kamerstroom-enrich-enrich-2-1");
    }

    private static EnrichConfig config(Map<String, String> settings) {
        return EnrichConfig.from(Settings.of(settings));
    }
}
