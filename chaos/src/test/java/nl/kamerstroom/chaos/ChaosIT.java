package nl.kamerstroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite, reduced for the build: 160 documents, two instances of every
 * service as separate processes and the OpenSearch store beside the Lucene replicas; one random
 * kill -9, a kill -9 of an OpenSearch index instance, one instance of every service stopped and
 * started, a broker restart, a 5 s registry outage, a wiped replica and a 5 s OpenSearch pause
 * (its restart is left out: 15 CPU-seconds). Every check of the table must pass.
 */
class ChaosIT {

    @TempDir
    Path dir;

    @Test
    void everyDocumentArrivesWholeAndOnceThroughFaults() throws Exception {
        ChaosOptions options = new ChaosOptions(20_261_204L, 160, 16, 4, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(3), 2, true, true, true, false, dir);

        ChaosRun.Result result = new ChaosRun(options, System.out).run();

        CheckTable.print(result.checks(), System.out);
        List<Check> failed = result.checks().stream()
                .filter(check -> !check.passed())
                .toList();
        assertThat(failed).as("failed checks (seed %d, logs in %s)", result.seed(), dir.resolve("logs")).isEmpty();
        assertThat(result.faults()).as("kill, OpenSearch kill, 4 stops and starts, broker, registry, wipe, "
                + "OpenSearch pause").hasSize(10);
        assertThat(result.faults()).anyMatch(fault -> fault.startsWith("stop opensearch-index-"))
                .anyMatch(fault -> fault.startsWith("stop ingest-"))
                .anyMatch(fault -> fault.startsWith("stop enrich-"))
                .anyMatch(fault -> fault.startsWith("stop index-"));
    }
}
