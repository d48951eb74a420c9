package nl.kamerstroom.index.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstroom.common.http.Health;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every store's feeder shares: its own thread polling documents.index until closed, the
 * catch-up target taken when it starts (the end of every partition then), health that says up
 * once the store caught up with it, and a stop that returns within seconds. The stores differ in
 * how they take their partitions ({@link #begin}) and what they do with a poll ({@link #feed}).
 *
 * <p>State as health shows it: STARTING, CATCHING_UP, RUNNING, then STOPPED or FAILED with the
 * reason; a store may set its own in between (such as back-pressure).
 */
public abstract class StoreFeeder<K, V> implements AutoCloseable {

    private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONSUMER_CLOSE = Duration.ofSeconds(5);
    private static final Duration THREAD_JOIN = Duration.ofSeconds(15);

    protected final Consumer<K, V> consumer;
    protected final String topic;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Thread thread;
    private final AtomicReference<String> state = new AtomicReference<>("STARTING");
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile CatchUpTarget catchUpTarget = CatchUpTarget.NONE;

    protected StoreFeeder(Consumer<K, V> consumer, String topic, String threadName) {
        this.consumer = consumer;
        this.topic = topic;
        this.thread = new Thread(this::run, threadName);
    }

    public final void start() {
        thread.start();
    }

    /** True once the store held everything the topic held when the feeder started. */
    public final boolean caughtUp() {
        return caughtUp;
    }

    /** Up once caught up, while the thread runs and the store takes writes. */
    public final Health health() {
        boolean up = caughtUp && thread.isAlive() && writable();
        return new Health(up, state.get(), details());
    }

    /** Whether the store takes writes now; a store that can refuse them says so here. */
    protected boolean writable() {
        return true;
    }

    /** What health shows besides the state. */
    protected Map<String, Object> details() {
        return Map.of("caughtUp", caughtUp, "catchUpTarget", catchUpTarget.view());
    }

    /** Takes the partitions (assigns or subscribes) and seeks; {@code partitions} are all of the topic's. */
    protected abstract void begin(List<TopicPartition> partitions) throws Exception;

    /** One poll and what it brings; called until the feeder is closed. */
    protected abstract void feed() throws Exception;

    /** On the way out, before the consumer closes: what the store still owes (such as a last commit). */
    protected void finish() {
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PARTITIONS_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " has no partitions; is it created?");
            }
            catchUpTarget = new CatchUpTarget(consumer.endOffsets(partitions));
            begin(partitions);
            state.set("CATCHING_UP");
            log.info("Feeding from {} partitions of {}; catching up to {}", partitions.size(), topic,
                    catchUpTarget.view());
            while (running) {
                feed();
            }
        } catch (WakeupException e) {
            if (running) {
                failed(e);
            }
        } catch (Exception | Error e) {
            failed(e);
        } finally {
            finish();
            consumer.close(CloseOptions.timeout(CONSUMER_CLOSE));
            state.compareAndSet("RUNNING", "STOPPED");
        }
    }

    protected final boolean running() {
        return running;
    }

    protected final CatchUpTarget catchUpTarget() {
        return catchUpTarget;
    }

    /** Marks the store caught up: health says up from now on. */
    protected final void caughtUpNow() {
        caughtUp = true;
        state.set("RUNNING");
    }

    protected final void state(String newState) {
        state.set(newState);
    }

    /** Waits {@code duration}, or less when the feeder is closed meanwhile. */
    protected final void pause(Duration duration) throws InterruptedException {
        stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(Throwable e) {
        state.set("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        log.error("Feeder stopped", e);
    }

    /** Stops feeding after {@link #finish()}; returns within seconds. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        consumer.wakeup();
        try {
            thread.join(THREAD_JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
