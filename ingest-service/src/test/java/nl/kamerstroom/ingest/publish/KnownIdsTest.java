package nl.kamerstroom.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIdsTest {

    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path dir;

    @Test
    void aReservedIdIsADuplicateUntilReleased() throws Exception {
        try (KnownIds ids = KnownIds.open(dir.resolve("known-ids.txt"))) {
            assertThat(ids.reserve(A)).isTrue();
            assertThat(ids.reserve(A)).isFalse();
            ids.release(A);
            assertThat(ids.reserve(A)).isTrue();
        }
    }

    @Test
    void onlyRecordedIdsSurviveARestart() throws Exception {
        Path file = dir.resolve("work/known-ids.txt");
        try (KnownIds ids = KnownIds.open(file)) {
            ids.reserve(A);
            ids.record(A);
            ids.reserve(B);
        }
        Files.writeString(file, "geen id\n", java.nio.file.StandardOpenOption.APPEND);

        try (KnownIds ids = KnownIds.open(file)) {
            assertThat(ids.size()).isEqualTo(1);
            assertThat(ids.reserve(A)).isFalse();
            assertThat(ids.reserve(B)).isTrue();
        }
    }
}
