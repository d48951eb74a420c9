package nl.kamerstroom.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.kamerstroom.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class SettledFilesTest {

    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final MutableClock clock = new MutableClock(START);
    private final SettledFiles settled = new SettledFiles(clock, SETTLE);

    @Test
    void aFileIsSettledOnlyAfterBeingUnchangedForTheSettleTime() {
        InboxFile file = file(100, START);

        assertThat(settled.isSettled(file)).as("first sighting").isFalse();
        clock.advance(Duration.ofMillis(499));
        assertThat(settled.isSettled(file)).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(settled.isSettled(file)).isTrue();
    }

    /** A file moved in (rename) keeps the time it was written: it has been quiet since, and needs no wait. */
    @Test
    void aFileLastWrittenLongerAgoThanTheSettleTimeIsTakenAtFirstSight() {
        assertThat(settled.isSettled(file(100, START.minus(SETTLE)))).isTrue();
        assertThat(settled.isSettled(file(100, START.minusMillis(300)))).as("written 300 ms ago").isFalse();
        clock.advance(Duration.ofMillis(200));
        assertThat(settled.isSettled(file(100, START.minusMillis(300)))).isTrue();
    }

    @Test
    void aModificationTimeInTheFutureCountsFromFirstSight() {
        assertThat(settled.isSettled(file(100, START.plusSeconds(60)))).isFalse();
        clock.advance(SETTLE);
        assertThat(settled.isSettled(file(100, START.plusSeconds(60)))).isTrue();
    }

    @Test
    void growthRestartsTheClock() {
        assertThat(settled.isSettled(file(100, START))).isFalse();
        clock.advance(Duration.ofMillis(400));
        assertThat(settled.isSettled(file(200, START.plusMillis(400)))).as("still being written").isFalse();
        clock.advance(Duration.ofMillis(400));
        assertThat(settled.isSettled(file(200, START.plusMillis(400)))).isFalse();
        clock.advance(Duration.ofMillis(100));
        assertThat(settled.isSettled(file(200, START.plusMillis(400)))).isTrue();
    }

    @Test
    void aChangedModificationTimeAloneRestartsTheClock() {
        settled.isSettled(file(100, START));
        clock.advance(SETTLE);
        assertThat(settled.isSettled(file(100, START.plusSeconds(1)))).isFalse();
    }

    @Test
    void nextDeadlineIsWhenTheEarliestSettlingFileMayBeReady() {
        settled.isSettled(file(100, START));
        clock.advance(Duration.ofMillis(200));
        assertThat(settled.nextDeadline()).contains(START.plus(SETTLE));
        clock.advance(SETTLE);
        assertThat(settled.nextDeadline()).as("settled files wait for a wake-up, not a deadline").isEmpty();
    }

    @Test
    void vanishedFilesAreForgotten() {
        settled.isSettled(file(100, START));
        settled.retainOnly(Set.of());
        assertThat(settled.tracked()).isZero();
    }

    @Test
    void zeroSettleTimeTakesFilesAtFirstSight() {
        assertThat(new SettledFiles(clock, Duration.ZERO).isSettled(file(1, START))).isTrue();
    }

    private static InboxFile file(long size, Instant modified) {
        return new InboxFile(Path.of("/inbox/a.pdf"), "a.pdf", size, FileTime.from(modified), InboxFile.Kind.REGULAR);
    }
}
