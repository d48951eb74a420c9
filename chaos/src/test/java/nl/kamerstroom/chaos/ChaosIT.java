package nl.kamerstroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite, reduced for the build: a few hundred documents, two kill -9 faults,
 * a broker restart, a 5 s registry outage and a wiped replica, two instances of every service as
 * separate processes. Every check of the table must pass.
 */
class ChaosIT {

    @TempDir
    Path dir;

    @Test
    void everyDocumentArrivesWholeAndOnceThroughFaults() throws Exception {
        ChaosOptions options = new ChaosOptions(20_261_204L, 240, 24, 6, 2, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(3), 2, true, true, true, dir);

        ChaosRun.Result result = new ChaosRun(options, System.out).run();

        CheckTable.print(result.checks(), System.out);
        List<Check> failed = result.checks().stream()
                .filter(check -> !check.passed())
                .toList();
        assertThat(failed).as("failed checks (seed %d, logs in %s)", result.seed(), dir.resolve("logs")).isEmpty();
        assertThat(result.faults()).hasSize(5);
    }
}
