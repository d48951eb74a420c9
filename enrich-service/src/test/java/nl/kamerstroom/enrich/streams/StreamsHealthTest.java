package nl.kamerstroom.enrich.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.kamerstroom.common.http.Health;
import nl.kamerstroom.testkit.MutableClock;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;

class StreamsHealthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T22:00:00Z"));
    private final StreamsHealth health = new StreamsHealth(clock);

    @Test
    void isDownUntilRunning() {
        assertThat(health.health().up()).isFalse();
        health.onChange(State.REBALANCING, State.CREATED);
        health.onChange(State.RUNNING, State.REBALANCING);

        Health running = health.health();
        assertThat(running.up()).isTrue();
        assertThat(running.status()).isEqualTo("RUNNING");
    }

    @Test
    void staysUpDuringAShortRebalanceButNotAStuckOne() {
        health.onChange(State.REBALANCING, State.RUNNING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(health.health().up()).isTrue();
        assertThat(health.health().status()).isEqualTo("REBALANCING");

        clock.advance(StreamsHealth.STUCK_REBALANCE);
        assertThat(health.health().up()).isFalse();
        assertThat(health.health().status()).isEqualTo("REBALANCING_TOO_LONG");
    }

    @Test
    void isDownInErrorAndWhenStopped() {
        health.onChange(State.PENDING_ERROR, State.RUNNING);
        health.onChange(State.ERROR, State.PENDING_ERROR);
        assertThat(health.health().up()).isFalse();
        assertThat(health.health().details()).containsEntry("state", "ERROR");
        health.onChange(State.NOT_RUNNING, State.ERROR);
        assertThat(health.health().up()).isFalse();
    }

    @Test
    void awaitRunningReturnsFalseWhenStreamsFails() throws InterruptedException {
        health.onChange(State.ERROR, State.RUNNING);
        assertThat(health.awaitRunning(Duration.ofSeconds(5))).isFalse();
    }
}
