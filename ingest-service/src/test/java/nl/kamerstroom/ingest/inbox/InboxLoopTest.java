package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.kamerstroom.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxLoopTest {

    private static final Duration SETTLE = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final AtomicBoolean paused = new AtomicBoolean();
    private final List<InboxFile> handedOn = new ArrayList<>();

    @Test
    void nothingIsClaimedWhileClaimingIsPaused() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("brief.txt"), "tekst");
        InboxLoop loop = new InboxLoop(new InboxScanner(inbox, Set.of(), new IgnoredFileName()),
                new SettledFiles(clock, SETTLE), new Claimer(dir.resolve("claimed")), new Semaphore(4), paused::get,
                handedOn::add, backlog -> { }, new Wakeup(), Duration.ofSeconds(5), clock);
        loop.scanOnce();
        clock.advance(SETTLE);
        paused.set(true);

        assertThat(loop.scanOnce()).as("waits for a wake-up").isTrue();
        assertThat(handedOn).isEmpty();
        assertThat(inbox.resolve("brief.txt")).exists();

        paused.set(false);
        loop.scanOnce();

        assertThat(handedOn).extracting(InboxFile::relativePath).containsExactly("brief.txt");
        assertThat(dir.resolve("claimed/brief.txt")).exists();
    }
}
