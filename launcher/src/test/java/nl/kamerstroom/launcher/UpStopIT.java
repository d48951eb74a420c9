package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/kamerstroom up} stopped as a terminal's Ctrl-C or systemd stops it: SIGTERM to every
 * process of its group, or to the main process only. Either way the services stop first, then the
 * registry, then the broker, every process is gone within 5 s, the exit code is 0 and no ERROR is
 * logged. Killed outright, {@code up} leaves no broker or registry behind.
 */
class UpStopIT {

    private static final Logger LOG = LoggerFactory.getLogger(UpStopIT.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    /** OrphanGuard's graceful exit, halted after 15 s when it hangs. */
    private static final Duration ORPHAN_EXIT_LIMIT = Duration.ofSeconds(30);
    private static final List<String> STOP_LINES_IN_ORDER = List.of("SIGTERM received: stopping",
            "Services stopped (ingest, enrich, index)", "Apicurio Registry stopped", "Kafka broker stopped",
            "Kamerstroom stopped");

    @TempDir
    Path dir;

    @Test
    void sigtermToTheProcessGroupStopsEverythingInOrderWithinFiveSeconds() throws Exception {
        try (LauncherProcess up = startUp()) {
            List<ProcessHandle> processes = up.processTree();
            assertThat(processes).as("launcher, broker and registry").hasSize(3);

            long stopped = stop(up, processes, () -> up.signalGroup("TERM"));

            assertOrderlyStop(up, stopped);
        }
    }

    @Test
    void sigtermToTheMainProcessOnlyStopsEverythingInOrderWithinFiveSeconds() throws Exception {
        try (LauncherProcess up = startUp()) {
            List<ProcessHandle> processes = up.processTree();

            long stopped = stop(up, processes, () -> up.signal("TERM"));

            assertOrderlyStop(up, stopped);
        }
    }

    /** No shutdown hook runs after SIGKILL: OrphanGuard in each child notices that its parent is gone. */
    @Test
    void theBrokerAndRegistryEndOnTheirOwnWhenUpIsKilled() throws Exception {
        try (LauncherProcess up = startUp()) {
            List<ProcessHandle> children = up.processTree().stream().filter(p -> p.pid() != up.pid()).toList();
            assertThat(children).as("broker and registry").hasSize(2);

            up.signal("KILL");

            for (ProcessHandle child : children) {
                assertThat(child.onExit()).succeedsWithin(ORPHAN_EXIT_LIMIT);
            }
        }
    }

    private LauncherProcess startUp() throws Exception {
        LauncherProcess up = LauncherProcess.start(dir, "up", Map.of("INSTANCE_ID", "up-stop-it"), "up",
                "--data", dir.resolve("data").toString(), "--http-port", "0", "--kafka-port", "0", "--registry-port", "0");
        up.awaitOutput("Press Ctrl-C to stop.", START_TIMEOUT);
        return up;
    }

    /** Sends the signal and returns the milliseconds until the last of {@code processes} was gone. */
    private static long stop(LauncherProcess up, List<ProcessHandle> processes, Signal signal) throws Exception {
        long signalled = System.nanoTime();
        signal.send();
        for (ProcessHandle process : processes) {
            process.onExit().get();
        }
        long millis = Duration.ofNanos(System.nanoTime() - signalled).toMillis();
        LOG.info("Every process of up gone {} ms after SIGTERM", millis);
        assertThat(up.awaitExit(Duration.ofSeconds(1))).isTrue();
        return millis;
    }

    private static void assertOrderlyStop(LauncherProcess up, long stoppedMillis) throws Exception {
        String log = up.stdout();
        assertThat(stoppedMillis).as("milliseconds from SIGTERM until every process was gone")
                .isLessThanOrEqualTo(STOP_LIMIT.toMillis());
        assertThat(up.exitCode()).isZero();
        assertThat(log).containsSubsequence(STOP_LINES_IN_ORDER);
        String stopping = log.substring(log.indexOf(STOP_LINES_IN_ORDER.getFirst()));
        assertThat(stopping.lines().filter(line -> line.contains(" ERROR ") || line.contains("Exception")))
                .as("errors logged while stopping").isEmpty();
    }

    @FunctionalInterface
    private interface Signal {
        void send() throws Exception;
    }
}
