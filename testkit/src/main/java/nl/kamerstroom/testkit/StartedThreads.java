package nl.kamerstroom.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The threads started since a moment in a test, for proving that a start that failed (or a stop)
 * leaves none running to keep the JVM alive. Threads end asynchronously after what started them
 * is closed (a Kafka client's I/O thread, the JDK HTTP server's {@code idle-timeout-task} timer),
 * so {@link #stillAlive()} gives them a while to end.
 */
public final class StartedThreads {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Set<Thread> before;

    private StartedThreads(Set<Thread> before) {
        this.before = before;
    }

    /** Remembers the threads alive now. */
    public static StartedThreads fromNow() {
        return new StartedThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /** The names of threads started since then that are alive; returns once there are none, or after 30 s. */
    public List<String> stillAlive() throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        List<String> alive = aliveNow();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            alive = aliveNow();
        }
        return alive;
    }

    private List<String> aliveNow() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName)
                .toList();
    }
}
