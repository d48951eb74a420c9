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
 * settle time. The quiet time counts from the file's modification time (every write moves it),
 * or from our first sighting if that is earlier: a file moved into the inbox after it was written
 * has been quiet for long and is taken at once, a file being copied in is taken once the writer
 * has been quiet for the whole settle time. A share whose clock runs behind ours makes files look
 * older: give it a longer SETTLE_TIME. Used by the scanner thread only.
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
            Instant modified = file.modified().toInstant();
            Instant quietSince = modified.isBefore(now) ? modified : now;
            observations.put(file.path(), new Observation(file.size(), file.modified(), quietSince));
            return !now.isBefore(quietSince.plus(settleTime));
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
