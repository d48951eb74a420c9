package nl.kamerstroom.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    @Test
    void defaults() {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("INSTANCE_ID", "i1")));

        assertThat(config.inboxDir()).isEqualTo(Path.of("kamerstroom-data/inbox").toAbsolutePath());
        assertThat(config.workDir()).isEqualTo(config.inboxDir().resolve(".kamerstroom"));
        assertThat(config.claimedDir()).isEqualTo(config.workDir().resolve("claimed/i1"));
        assertThat(config.settleTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxFileSize()).isEqualTo(100L << 20);
        assertThat(config.parseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxTextChars()).isEqualTo(10_000_000);
        assertThat(config.http().port()).isEqualTo(8091);
        assertThat(config.maxAbandonedParses()).isEqualTo(2);
        assertThat(config.knownIdsMax()).isEqualTo(100_000);
    }

    @Test
    void everySettingIsReadFromTheEnvironment() {
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("INBOX_DIR", "/data/in", "DONE_DIR", "/data/ok",
                "FAILED_DIR", "/data/fout", "WORK_DIR", "/data/werk", "SETTLE_TIME", "2s", "MAX_FILE_SIZE", "5MB",
                "PARSE_TIMEOUT", "10s", "MAX_TEXT_CHARS", "1000", "PARSE_THREADS", "3", "RESCAN_INTERVAL", "1m"))
                .with(Map.of("MAX_ABANDONED_PARSES", "4", "KNOWN_IDS_MAX", "500")));

        assertThat(config.inboxDir()).isEqualTo(Path.of("/data/in"));
        assertThat(config.doneDir()).isEqualTo(Path.of("/data/ok"));
        assertThat(config.failedDir()).isEqualTo(Path.of("/data/fout"));
        assertThat(config.workDir()).isEqualTo(Path.of("/data/werk"));
        assertThat(config.settleTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxFileSize()).isEqualTo(5L << 20);
        assertThat(config.parseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxTextChars()).isEqualTo(1000);
        assertThat(config.parseThreads()).isEqualTo(3);
        assertThat(config.rescanInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.maxAbandonedParses()).isEqualTo(4);
        assertThat(config.knownIdsMax()).isEqualTo(500);
    }

    @Test
    void settingsListNamesEveryVariableOnce() {
        assertThat(IngestConfig.SETTINGS).extracting(Setting::name).doesNotHaveDuplicates()
                .contains("KAFKA_BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL", "HTTP_PORT", "INBOX_DIR", "DONE_DIR",
                        "FAILED_DIR", "WORK_DIR", "SETTLE_TIME", "RESCAN_INTERVAL", "MAX_FILE_SIZE", "PARSE_TIMEOUT",
                        "MAX_TEXT_CHARS", "PARSE_THREADS", "MAX_ABANDONED_PARSES", "KNOWN_IDS_MAX");
    }

    @Test
    void nonsenseIsRefusedWithTheVariableName() {
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("PARSE_THREADS", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARSE_THREADS");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("MAX_ABANDONED_PARSES", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MAX_ABANDONED_PARSES");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("KNOWN_IDS_MAX", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("KNOWN_IDS_MAX");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("SETTLE_TIME", "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SETTLE_TIME");
        assertThatThrownBy(() -> IngestConfig.from(Settings.of(Map.of("INBOX_DIR", "/data/x", "DONE_DIR", "/data/x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DONE_DIR");
    }
}
