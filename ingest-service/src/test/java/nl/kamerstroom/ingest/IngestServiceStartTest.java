package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.testkit.StartedThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails stops what it started: one clear exception, and no thread of the service
 * left to keep the JVM alive without a health endpoint. No broker is needed: both starts fail
 * before the service would reach one.
 */
class IngestServiceStartTest {

    @TempDir
    Path dir;

    @Test
    void aTakenHttpPortFailsTheStartWithOneClearExceptionAndNoThreadLeft() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            IngestService service = new IngestService(config(Map.of("HTTP_PORT", String.valueOf(port))));
            StartedThreads threads = StartedThreads.fromNow();

            assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("ingest-service could not start: HTTP_PORT " + port
                            + " on 127.0.0.1 is already in use");

            assertThat(threads.stillAlive()).isEmpty();
            assertThat(service.health().up()).isFalse();
        }
    }

    @Test
    void anInboxThatIsAFileFailsTheStartAndFreesThePortItHadBound() throws Exception {
        Path inbox = Files.writeString(dir.resolve("inbox"), "geen map");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        IngestService service = new IngestService(config(Map.of("HTTP_PORT", String.valueOf(port),
                "INBOX_DIR", inbox.toString())));
        StartedThreads threads = StartedThreads.fromNow();

        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("ingest-service could not start: INBOX_DIR " + inbox + " is a file, not a folder");

        assertThat(threads.stillAlive()).isEmpty();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the HTTP port is free again").isEqualTo(port);
        }
    }

    private IngestConfig config(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "INSTANCE_ID", "start-test",
                "INBOX_DIR", dir.resolve("inbox").toString(),
                "DONE_DIR", dir.resolve("done").toString(),
                "FAILED_DIR", dir.resolve("failed").toString()));
        env.putAll(overrides);
        return IngestConfig.from(Settings.of(env));
    }
}
