package nl.kamerstroom.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock in UTC that the test moves by hand, for code that takes its clock as a parameter.
 * Told to {@link #failWith fail}, every reading throws: that is how a test breaks code at the
 * moment it asks for the time.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile RuntimeException failure;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** From now on every reading of this clock throws {@code failure}. */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        if (failure != null) {
            throw failure;
        }
        return now;
    }
}
