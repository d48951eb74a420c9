package nl.kamerstroom.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void hasDocumentedDefaults() {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of()));

        assertThat(config.applicationId()).isEqualTo("kamerstroom-enrich");
        assertThat(config.streamThreads()).isEqualTo(1);
        assertThat(config.stateDir()).isEqualTo(Path.of("kamerstroom-data/enrich/streams-state"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.http().port()).isEqualTo(8092);
        assertThat(config.staticMembership()).isFalse();
    }

    @Test
    void eachInstanceKeepsItsStateInAFolderNamedAfterItsId() {
        Map<String, String> shared = Map.of("STATE_DIR", "/var/lib/enrich");
        EnrichConfig first = EnrichConfig.from(Settings.of(shared).with(Map.of("INSTANCE_ID", "3f2a9c1d04be")));
        EnrichConfig second = EnrichConfig.from(Settings.of(shared).with(Map.of("INSTANCE_ID", "enrich/2")));

        assertThat(first.instanceStateDir()).isEqualTo(Path.of("/var/lib/enrich/3f2a9c1d04be"));
        assertThat(second.instanceStateDir()).isEqualTo(Path.of("/var/lib/enrich/enrich_2"));
    }

    @Test
    void readsEveryDeclaredSetting() {
        EnrichConfig config = EnrichConfig.from(Settings.of(Map.of("APPLICATION_ID", "enrich-b",
                "STREAM_THREADS", "3", "STATE_DIR", "/var/lib/enrich", "COMMIT_INTERVAL", "200ms",
                "HTTP_PORT", "9000", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "STATIC_MEMBERSHIP", "true")));

        assertThat(config.applicationId()).isEqualTo("enrich-b");
        assertThat(config.streamThreads()).isEqualTo(3);
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/enrich"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.http().port()).isEqualTo(9000);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.staticMembership()).isTrue();
        assertThat(EnrichConfig.SETTINGS).extracting(Setting::name).contains("APPLICATION_ID", "STREAM_THREADS",
                "STATE_DIR", "COMMIT_INTERVAL", "KAFKA_BOOTSTRAP_SERVERS", "TOPIC_REPLICATION_FACTOR", "HTTP_PORT");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(Map.of("STREAM_THREADS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STREAM_THREADS");
        assertThatThrownBy(() -> EnrichConfig.from(Settings.of(Map.of("COMMIT_INTERVAL", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("COMMIT_INTERVAL");
    }
}
