package nl.kamerstroom.index.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.index.IndexConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class IndexTopicStreamTest {

    private static IndexConfig config(String dir) {
        return IndexConfig.from(Settings.of(Map.of("INSTANCE_ID", "host-1", "INDEX_DIR", dir)));
    }

    @Test
    void exactlyOnceWithLowLatencySettings() {
        var props = IndexTopicStream.properties(config("/data/a"));

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("kamerstroom-index");
        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(props.get(StreamsConfig.producerPrefix("linger.ms"))).isEqualTo(5);
        assertThat(props.get(StreamsConfig.STATE_DIR_CONFIG).toString()).endsWith("/data/a/streams");
    }

    @Test
    void staticMemberIdIsStablePerInstanceAndDistinctPerDataDirectory() {
        assertThat(IndexTopicStream.staticMemberId(config("/data/a")))
                .isEqualTo(IndexTopicStream.staticMemberId(config("/data/a")))
                .startsWith("kamerstroom-index-host-1-")
                .isNotEqualTo(IndexTopicStream.staticMemberId(config("/data/b")));
    }
}
