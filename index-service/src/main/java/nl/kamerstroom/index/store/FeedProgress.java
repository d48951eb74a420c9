package nl.kamerstroom.index.store;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A summary line every {@value #INTERVAL_SECONDS} s while documents are being indexed, silence otherwise. */
final class FeedProgress {

    /** Logged as the feeder, whose lines these are. */
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);
    private static final long INTERVAL_SECONDS = 30;

    private Instant since;
    private long changes;

    FeedProgress(Instant start) {
        this.since = start;
    }

    void changed() {
        changes++;
    }

    void maybeLog(Instant now, IntSupplier searchable) {
        Duration elapsed = Duration.between(since, now);
        if (changes > 0 && elapsed.toSeconds() >= INTERVAL_SECONDS) {
            double seconds = elapsed.toMillis() / 1000.0;
            LOG.info("Indexed {} changes in {} s ({} /s); {} documents searchable", changes, Math.round(seconds),
                    Math.round(changes / seconds), searchable.getAsInt());
            changes = 0;
            since = now;
        }
    }
}
