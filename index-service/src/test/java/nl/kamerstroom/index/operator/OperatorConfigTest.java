package nl.kamerstroom.index.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.config.Settings;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

    @Test
    void defaultsFitTheSingleMachinePorts() {
        OperatorConfig config = OperatorConfig.from(Settings.of(Map.of()));

        assertThat(config.services()).containsExactly(
                new OperatorConfig.ServiceAddress("ingest", URI.create("http://127.0.0.1:8091")),
                new OperatorConfig.ServiceAddress("enrich", URI.create("http://127.0.0.1:8092")));
        assertThat(config.sampleInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.recentRecords()).isEqualTo(20);
    }

    @Test
    void servicesKeepTheirOrderAndMayBeNone() {
        OperatorConfig config = OperatorConfig.from(Settings.of(Map.of("OPERATOR_SERVICES",
                " enrich=http://enrich:8092 , ingest=http://ingest:8091")));

        assertThat(config.services()).extracting(OperatorConfig.ServiceAddress::name).containsExactly("enrich", "ingest");
        assertThat(OperatorConfig.from(Settings.of(Map.of("OPERATOR_SERVICES", "none"))).services()).isEmpty();
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> OperatorConfig.from(Settings.of(Map.of("OPERATOR_SERVICES", "ingest"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("OPERATOR_SERVICES");
        assertThatThrownBy(() -> OperatorConfig.from(Settings.of(Map.of("OPERATOR_SERVICES", "ingest=ftp://x"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("OPERATOR_SERVICES");
        assertThatThrownBy(() -> OperatorConfig.from(Settings.of(Map.of("OPERATOR_RECENT_RECORDS", "5000"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("OPERATOR_RECENT_RECORDS");
    }
}
