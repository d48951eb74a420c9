package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox protocol, on one thread: scan, let files settle, claim settled files while there is
 * capacity, hand them on, sleep until something changes. Capacity (a permit per file between
 * claim and done/failed) keeps files in the inbox, visible as backlog, instead of claiming
 * thousands at once; the pipeline releases a permit and signals the wake-up when a file finishes.
 * While {@code claimingPaused} says so (parse threads held by abandoned parses) nothing is
 * claimed; whoever ends the pause signals the wake-up.
 */
public final class InboxLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxLoop.class);
    /** Watch events arrive per written chunk; scanning on each would keep a core busy during a big copy. */
    private static final Duration MIN_SCAN_GAP = Duration.ofMillis(25);

    private final InboxScanner scanner;
    private final SettledFiles settled;
    private final Claimer claimer;
    private final Semaphore capacity;
    private final BooleanSupplier claimingPaused;
    private final Consumer<InboxFile> claimedFiles;
    private final IntConsumer backlog;
    private final Wakeup wakeup;
    private final Duration rescanInterval;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    public InboxLoop(InboxScanner scanner, SettledFiles settled, Claimer claimer, Semaphore capacity,
                     BooleanSupplier claimingPaused, Consumer<InboxFile> claimedFiles, IntConsumer backlog, Wakeup wakeup, Duration rescanInterval,
                     Clock clock) {
        this.scanner = scanner;
        this.settled = settled;
        this.claimer = claimer;
        this.capacity = capacity;
        this.claimingPaused = claimingPaused;
        this.claimedFiles = claimedFiles;
        this.backlog = backlog;
        this.wakeup = wakeup;
        this.rescanInterval = rescanInterval;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("ingest-inbox").unstarted(this::run);
    }

    private volatile List<InboxFile> resumeFirst = List.of();

    /** Starts the loop; files claimed before the last stop are handed on first, as capacity allows. */
    public void start(List<InboxFile> claimedBeforeStart) {
        resumeFirst = List.copyOf(claimedBeforeStart);
        thread.start();
    }

    private void run() {
        try {
            for (InboxFile file : resumeFirst) {
                capacity.acquire();
                claimedFiles.accept(file);
            }
            resumeFirst = List.of();
            while (running) {
                boolean full = scanOnce();
                Thread.sleep(MIN_SCAN_GAP);
                wakeup.await(full ? rescanInterval : untilNextDeadline());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Inbox loop stopped", e);
        }
    }

    /**
     * One pass: claims every settled file while capacity lasts.
     *
     * @return true when capacity ran out or claiming is paused (the next pass waits for a wake-up)
     */
    boolean scanOnce() {
        boolean paused = claimingPaused.getAsBoolean();
        List<InboxFile> files = scanner.scan();
        Set<java.nio.file.Path> present = new HashSet<>();
        files.forEach(f -> present.add(f.path()));
        settled.retainOnly(present);
        int waiting = files.size();
        boolean full = false;
        for (InboxFile file : files) {
            if (!running || !settled.isSettled(file)) {
                continue;
            }
            if (paused || !capacity.tryAcquire()) {
                full = true;
                break;
            }
            Optional<InboxFile> claimed = claim(file);
            if (claimed.isPresent()) {
                settled.forget(file.path());
                waiting--;
                claimedFiles.accept(claimed.get());
            } else {
                capacity.release();
            }
        }
        backlog.accept(waiting);
        return full;
    }

    private Optional<InboxFile> claim(InboxFile file) {
        try {
            return claimer.claim(file);
        } catch (IOException e) {
            LOG.warn("Cannot claim {}: {}", file.relativePath(), e.getMessage());
            return Optional.empty();
        }
    }

    private Duration untilNextDeadline() {
        Optional<Instant> deadline = settled.nextDeadline();
        if (deadline.isEmpty()) {
            return rescanInterval;
        }
        Duration wait = Duration.between(clock.instant(), deadline.get());
        return wait.compareTo(rescanInterval) > 0 ? rescanInterval : wait.isNegative() ? Duration.ZERO : wait;
    }

    /** False once the loop has stopped, by close() or by an unexpected error (logged). */
    public boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
