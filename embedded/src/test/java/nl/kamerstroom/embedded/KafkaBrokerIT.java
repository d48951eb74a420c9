package nl.kamerstroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    @Test
    void ephemeralBrokerRunsTunedForOneNodeAndCleansUp() throws Exception {
        Path dataDir;
        try (KafkaBroker broker = KafkaBroker.builder().property("log.retention.hours", "1").build().start()) {
            dataDir = broker.dataDir();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
                Config config = admin.describeConfigs(List.of(node)).all().get().get(node);
                assertThat(config.get("message.max.bytes").value()).isEqualTo(Integer.toString(16 * 1024 * 1024));
                assertThat(config.get("auto.create.topics.enable").value()).isEqualTo("false");
                assertThat(config.get("log.cleaner.dedupe.buffer.size").value()).isEqualTo(Integer.toString(8 * 1024 * 1024));
                assertThat(config.get("log.retention.hours").value()).isEqualTo("1");
            }
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aFailedStartSaysWhyWithTheTailOfTheBrokersLog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             KafkaBroker broker = KafkaBroker.builder().port(taken.getLocalPort()).startTimeout(Duration.ofSeconds(60)).build()) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Starting Kafka broker on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("exited")
                    .hasMessageContaining("Address already in use");
        }
    }
}
