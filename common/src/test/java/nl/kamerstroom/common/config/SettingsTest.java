package nl.kamerstroom.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Setting<Duration> SETTLE = Setting.duration("SETTLE_TIME", "500ms", "Settle time.");
    private static final Setting<Long> MAX_SIZE = Setting.bytes("MAX_FILE_SIZE", "100MB", "Largest file.");
    private static final Setting<Integer> PORT = Setting.integer("HTTP_PORT", 8080, "Port.");

    @Test
    void unsetVariablesTakeTheirDefault() {
        Settings settings = Settings.of(Map.of());

        assertThat(settings.get(SETTLE)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.get(MAX_SIZE)).isEqualTo(100L * 1024 * 1024);
        assertThat(settings.get(PORT)).isEqualTo(8080);
    }

    @Test
    void variablesOverrideDefaults() {
        Settings settings = Settings.of(Map.of("SETTLE_TIME", "2s", "MAX_FILE_SIZE", "512KB", "HTTP_PORT", "0"));

        assertThat(settings.get(SETTLE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.get(MAX_SIZE)).isEqualTo(512L * 1024);
        assertThat(settings.get(PORT)).isZero();
        assertThat(settings.with(Map.of("HTTP_PORT", "9000")).get(PORT)).isEqualTo(9000);
    }

    @Test
    void durationsAcceptIsoAndUnits() {
        assertThat(Setting.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Setting.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Setting.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMalformedValueNamesTheVariable() {
        Settings settings = Settings.of(Map.of("HTTP_PORT", "eighty"));

        assertThatThrownBy(() -> settings.get(PORT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'eighty' for HTTP_PORT");
    }

    @Test
    void aMissingRequiredValueSaysWhatItIsFor() {
        Setting<String> required = Setting.string("INBOX_DIR", null, "Folder operators drop files into.");

        assertThatThrownBy(() -> Settings.of(Map.of()).get(required))
                .hasMessageContaining("Missing required setting INBOX_DIR: Folder operators drop files into.");
    }
}
