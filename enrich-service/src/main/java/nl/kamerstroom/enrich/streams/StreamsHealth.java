package nl.kamerstroom.enrich.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.common.http.Health;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the Kafka Streams state and answers {@code /health} from it.
 *
 * <p>RUNNING is up. REBALANCING is up as well (status REBALANCING), because rebalances are
 * routine and short (an instance joins or leaves, a thread is replaced): answering 503 would
 * make an orchestrator restart a healthy instance, which causes another rebalance. A
 * rebalance that lasts longer than {@link #STUCK_REBALANCE} is reported down. CREATED,
 * PENDING_SHUTDOWN, PENDING_ERROR, ERROR and NOT_RUNNING are down.
 */
public final class StreamsHealth implements KafkaStreams.StateListener {

    static final Duration STUCK_REBALANCE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(StreamsHealth.class);

    private final Clock clock;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;
    private volatile Instant since;

    public StreamsHealth(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public synchronized void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        LOG.info("Kafka Streams state {} -> {}", oldState, newState);
        since = clock.instant();
        state = newState;
        notifyAll();
    }

    /**
     * Waits until Streams is RUNNING; false when it stopped or failed instead, or the timeout
     * passed first.
     */
    public synchronized boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state != KafkaStreams.State.RUNNING && !stopped(state)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return state == KafkaStreams.State.RUNNING;
    }

    private static boolean stopped(KafkaStreams.State state) {
        return state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_SHUTDOWN || state == KafkaStreams.State.PENDING_ERROR;
    }

    public KafkaStreams.State state() {
        return state;
    }

    public Health health() {
        KafkaStreams.State current = state;
        Instant changed = since;
        Map<String, Object> details = Map.of("state", current.name(), "since", changed.toString());
        return switch (current) {
            case RUNNING -> Health.up(current.name(), details);
            case REBALANCING -> Duration.between(changed, clock.instant()).compareTo(STUCK_REBALANCE) < 0
                    ? Health.up(current.name(), details)
                    : Health.down("REBALANCING_TOO_LONG", details);
            default -> Health.down(current.name(), details);
        };
    }
}
