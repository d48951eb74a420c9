package nl.kamerstroom.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.common.http.Health;
import org.junit.jupiter.api.Test;

class ServiceRunnerTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void aFailedStartClosesEveryServiceLastFirstAndSaysWhyInOneLine() {
        RecordingService ingest = new RecordingService("ingest", null);
        RecordingService enrich = new RecordingService("enrich", new IllegalStateException(
                "HTTP port 8092 on 127.0.0.1 is already in use (HTTP_PORT, HTTP_BIND)",
                new BindException("Address already in use")));
        RecordingService index = new RecordingService("index", null);

        assertThatThrownBy(() -> ServiceRunner.runUntilShutdown(List.of(ingest, enrich, index)))
                .isInstanceOf(StartFailure.class)
                .hasMessage("enrich could not start: HTTP port 8092 on 127.0.0.1 is already in use "
                        + "(HTTP_PORT, HTTP_BIND): Address already in use");
        assertThat(events).containsExactly("start ingest", "start enrich", "close index", "close enrich", "close ingest");
    }

    @Test
    void theReasonIsTheFirstLineOfTheFailureAndOfItsRootCause() {
        IOException root = new IOException("Connection refused\n\tdetails on the next line");
        RuntimeException failure = new IllegalStateException("Starting the Kafka broker failed (log broker.log):\n"
                + "line 1 of the log\nline 2 of the log", new RuntimeException(root));

        assertThat(new StartFailure("up", failure)).hasMessage(
                "up could not start: Starting the Kafka broker failed (log broker.log): Connection refused");
        assertThat(new StartFailure("enrich", new IllegalStateException((String) null)))
                .hasMessage("enrich could not start: IllegalStateException");
    }

    private final class RecordingService implements Service {
        private final String name;
        private final RuntimeException startFailure;

        RecordingService(String name, RuntimeException startFailure) {
            this.name = name;
            this.startFailure = startFailure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (startFailure != null) {
                throw startFailure;
            }
        }

        @Override
        public Health health() {
            return Health.up("RUNNING", Map.of());
        }

        @Override
        public void close() {
            events.add("close " + name);
        }
    }
}
