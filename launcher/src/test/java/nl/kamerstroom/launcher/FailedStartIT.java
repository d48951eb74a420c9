package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kamerstroom enrich} that cannot start ends: whatever it started is stopped, the
 * process exits with code 1, and standard error holds one line that says why, no stack trace.
 */
class FailedStartIT {

    /** Starting a JVM, then topic creation gives up (after 3 s here); closing what was started takes a few more. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void httpPortTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The port is bound before the broker is asked anything, so no broker is needed.
            String line = failedStart(Map.of("HTTP_PORT", Integer.toString(taken.getLocalPort())));

            assertThat(line).isEqualTo("kamerstroom: enrich could not start: Cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + " (Address already in use); is another service on that port? Set HTTP_PORT "
                    + "(or HTTP_BIND) to a free one");
        }
    }

    @Test
    void brokerUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String line = failedStart(Map.of("HTTP_PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + closedPort,
                "TOPIC_CREATION_TIMEOUT", "3s"));

        assertThat(line).startsWith("kamerstroom: enrich could not start: the Kafka broker at 127.0.0.1:" + closedPort
                + " (KAFKA_BOOTSTRAP_SERVERS) did not answer");
    }

    /** Runs enrich with {@code environment}, asserts it exits with 1, and returns its one line of stderr. */
    private String failedStart(Map<String, String> environment) throws Exception {
        Map<String, String> settings = new HashMap<>(environment);
        settings.put("STATE_DIR", dir.resolve("state").toString());
        try (LauncherProcess enrich = LauncherProcess.start(dir, "enrich", settings, "enrich")) {
            assertThat(enrich.awaitExit(EXIT_TIMEOUT)).as("enrich exited within %s", EXIT_TIMEOUT).isTrue();
            assertThat(enrich.exitCode()).isEqualTo(1);
            List<String> ours = enrich.stderr().lines().filter(line -> !line.startsWith("WARNING: ")).toList();
            assertThat(ours).as("stderr, the JVM's own warnings left out").hasSize(1);
            return ours.getFirst();
        }
    }
}
