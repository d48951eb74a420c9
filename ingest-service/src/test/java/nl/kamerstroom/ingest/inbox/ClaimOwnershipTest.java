package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimOwnershipTest {

    @TempDir
    Path claimed;

    @Test
    void filesOfAGoneInstanceAreAdoptedAndThoseOfARunningOneAreNot() throws Exception {
        Files.writeString(Files.createDirectories(claimed.resolve("oude-container/2024")).resolve("a.txt"), "a");
        Files.writeString(Files.createDirectories(claimed.resolve("draait")).resolve("b.txt"), "b");
        try (ClaimOwnership running = ClaimOwnership.acquire(claimed, "draait");
             ClaimOwnership me = ClaimOwnership.acquire(claimed, "nieuw")) {

            int adopted = me.adoptOrphans(claimed, claimed.resolve("nieuw"));

            assertThat(adopted).isEqualTo(1);
            assertThat(claimed.resolve("nieuw/2024/a.txt")).hasContent("a");
            assertThat(claimed.resolve("oude-container/2024/a.txt")).doesNotExist();
            assertThat(claimed.resolve("draait/b.txt")).hasContent("b");
        }
    }

    @Test
    void twoRunningInstancesCannotShareAnId() throws Exception {
        try (ClaimOwnership first = ClaimOwnership.acquire(claimed, "ingest-1")) {
            assertThatThrownBy(() -> ClaimOwnership.acquire(claimed, "ingest-1")).isInstanceOf(IOException.class)
                    .hasMessageContaining("INSTANCE_ID ingest-1");
        }
        ClaimOwnership.acquire(claimed, "ingest-1").close();
    }
}
