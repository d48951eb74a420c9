package nl.kamerstroom.ingest.inbox;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when a file is complete: its size and modification time have not changed for the
 * settle time. The first sighting only starts the clock, so a file copied in slow chunks is
 * taken once the writer has been quiet for the whole settle time, not at the first pause we
 * happen to observe. Used by the scanner thread only.
 */
public final class SettledFiles {

    private record Observation(long size, FileTime modified, Instant since) {
    }

    private final Clock clock;
    private final Duration settleTime;
    private final Map<Path, Observation> observations = new HashMap<>();

    public SettledFiles(Clock clock, Duration settleTime) {
        this.clock = clock;
        this.settleTime = settleTime;
    }

    /** Records this sighting of the file and answers whether it has been stable long enough. */
    public boolean isSettled(InboxFile file) {
        Instant now = clock.instant();
        Observation previous = observations.get(file.path());
        if (previous == null || previous.size() != file.size() || !previous.modified().equals(file.modified())) {
            observations.put(file.path(), new Observation(file.size(), file.modified(), now));
            return settleTime.isZero();
        }
        return !now.isBefore(previous.since().plus(settleTime));
    }

    /**
     * When the earliest file still settling may be ready: the scanner sleeps until then. Files
     * already settled but not yet claimed (no capacity, name busy) wait for a wake-up instead.
     */
    public Optional<Instant> nextDeadline() {
        Instant now = clock.instant();
        return observations.values().stream().map(o -> o.since().plus(settleTime))
                .filter(deadline -> deadline.isAfter(now)).min(Instant::compareTo);
    }

    /** Stops tracking a file that was claimed. */
    public void forget(Path path) {
        observations.remove(path);
    }

    /** Stops tracking files that are no longer in the inbox (taken by another instance, deleted). */
    public void retainOnly(Set<Path> present) {
        observations.keySet().retainAll(present);
    }

    public int tracked() {
        return observations.size();
    }
}
