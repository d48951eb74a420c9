package nl.kamerstroom.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.index.store.SearchIndex;
import nl.kamerstroom.testkit.StartedThreads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails stops what it started and says why in one exception: no feeder, Streams,
 * Kafka client or HTTP thread is left to keep the JVM alive without a health endpoint.
 */
class IndexServiceStartTest {

    @TempDir
    Path dir;

    private StartedThreads threads;

    @BeforeEach
    void rememberThreads() {
        threads = StartedThreads.fromNow();
    }

    @Test
    void aSecondInstanceOnTheSameIndexDirIsRefusedNamingTheSetting() throws Exception {
        IndexConfig config = config(Map.of());
        try (SearchIndex firstInstance = SearchIndex.open(config.luceneDir())) {
            assertThatThrownBy(() -> startAndFail(config))
                    .hasMessageContaining(config.luceneDir().toAbsolutePath().toString())
                    .hasMessageContaining("in use by another index-service instance")
                    .hasMessageContaining("INDEX_DIR");
        }
        assertNoThreadLeftBehind();
    }

    @Test
    void anHttpPortInUseIsRefusedNamingTheSettingAndNothingStaysRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> startAndFail(config(Map.of("HTTP_PORT", Integer.toString(taken.getLocalPort())))))
                    .hasMessageContaining(":" + taken.getLocalPort())
                    .hasMessageContaining("HTTP_PORT");
        }
        assertNoThreadLeftBehind();
    }

    /** The HTTP server is up by then; creating the topics gives up after TOPIC_CREATION_TIMEOUT (30 s by default). */
    @Test
    void anUnreachableBrokerStopsTheHttpServerItStartedAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        assertThatThrownBy(() -> startAndFail(config(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort,
                "TOPIC_CREATION_TIMEOUT", "3s"))))
                .hasMessageStartingWith("index-service could not start: ")
                .hasMessageContaining("topics");
        assertNoThreadLeftBehind();
    }

    private IndexConfig config(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("INDEX_DIR", dir.toString(), "HTTP_PORT", "0",
                "SCHEMA_REGISTRY_URL", "mock://index-start-test", "INSTANCE_ID", "start-test"));
        env.putAll(extra);
        return IndexConfig.from(Settings.of(env));
    }

    private static void startAndFail(IndexConfig config) throws Exception {
        new IndexService(config).start();
    }

    private void assertNoThreadLeftBehind() throws InterruptedException {
        assertThat(threads.stillAlive()).isEmpty();
    }
}
