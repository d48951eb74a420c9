package nl.kamerstroom.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIdsTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @TempDir
    Path dir;

    @Test
    void recordedIdsSurviveARestart() throws Exception {
        Path file = dir.resolve("work/known-ids.txt");
        try (KnownIds ids = KnownIds.open(file, 100)) {
            assertThat(ids.contains(A)).isFalse();
            ids.record(A);
            assertThat(ids.contains(A)).isTrue();
        }
        Files.writeString(file, "geen id\n", StandardOpenOption.APPEND);

        try (KnownIds ids = KnownIds.open(file, 100)) {
            assertThat(ids.size()).isEqualTo(1);
            assertThat(ids.contains(A)).isTrue();
            assertThat(ids.contains(B)).isFalse();
        }
    }

    @Test
    void memoryHoldsAtMostCapacityIdsAndForgetsTheLeastRecentlySeenFirst() throws Exception {
        try (KnownIds ids = KnownIds.open(dir.resolve("known-ids.txt"), 2)) {
            ids.record(A);
            ids.record(B);
            assertThat(ids.contains(A)).isTrue(); // seen again: now B is the least recent

            ids.record(C);

            assertThat(ids.size()).isEqualTo(2);
            assertThat(ids.contains(B)).isFalse();
            assertThat(ids.contains(A)).isTrue();
            assertThat(ids.contains(C)).isTrue();
        }
    }

    @Test
    void aStartReadsOnlyTheLastCapacityIdsOfALongFile() throws Exception {
        Path file = dir.resolve("known-ids.txt");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            lines.append(String.format("%064x", i)).append('\n');
        }
        Files.writeString(file, lines);

        try (KnownIds ids = KnownIds.open(file, 10)) {
            assertThat(ids.size()).isEqualTo(10);
            assertThat(ids.contains(String.format("%064x", 999))).isTrue();
            assertThat(ids.contains(String.format("%064x", 990))).isTrue();
            assertThat(ids.contains(String.format("%064x", 989))).isFalse();
            assertThat(ids.contains(String.format("%064x", 0))).isFalse();
        }
    }
}
