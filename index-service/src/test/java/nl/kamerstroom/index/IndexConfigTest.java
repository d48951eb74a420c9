package nl.kamerstroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import org.junit.jupiter.api.Test;

class IndexConfigTest {

    @Test
    void defaults() {
        IndexConfig config = IndexConfig.from(Settings.of(Map.of()));

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.luceneDir()).isEqualTo(Path.of("kamerstroom-data/index/lucene"));
        assertThat(config.applicationId()).isEqualTo("kamerstroom-index");
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void readsTheEnvironment() {
        IndexConfig config = IndexConfig.from(Settings.of(Map.of("INDEX_DIR", "/var/lib/index",
                "INDEX_COMMIT_INTERVAL", "5s", "INDEX_REFRESH_INTERVAL", "50ms", "HTTP_PORT", "9000")));

        assertThat(config.streamsStateDir()).isEqualTo(Path.of("/var/lib/index/streams"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.http().port()).isEqualTo(9000);
    }

    @Test
    void aMalformedValueNamesTheVariable() {
        assertThatThrownBy(() -> IndexConfig.from(Settings.of(Map.of("INDEX_COMMIT_DOCS", "many"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INDEX_COMMIT_DOCS");
    }

    @Test
    void listsEverySettingItReadsOnce() {
        assertThat(IndexConfig.SETTINGS).extracting(Setting::name)
                .contains("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "HTTP_PORT", "HTTP_BIND", "INDEX_DIR",
                        "INDEX_APPLICATION_ID", "INDEX_COMMIT_INTERVAL", "INDEX_REFRESH_INTERVAL")
                .doesNotHaveDuplicates();
    }
}
