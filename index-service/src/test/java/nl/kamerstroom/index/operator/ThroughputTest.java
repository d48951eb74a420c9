package nl.kamerstroom.index.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

    private final Throughput throughput = new Throughput();

    @Test
    void ratesAreTheGrowthOfEachCountPerSecond() {
        throughput.record(START, Map.of("ingest", 0L, "index", 0L));
        throughput.record(START.plusSeconds(10), Map.of("ingest", 50L, "index", 20L));
        throughput.record(START.plusSeconds(20), Map.of("ingest", 50L, "index", 70L));

        List<Throughput.Point> points = throughput.points();

        assertThat(points).hasSize(2);
        assertThat(points.get(0).at()).isEqualTo(START.plusSeconds(10));
        assertThat(points.get(0).perSecond()).containsExactlyInAnyOrderEntriesOf(Map.of("ingest", 5.0, "index", 2.0));
        assertThat(points.get(1).perSecond()).containsExactlyInAnyOrderEntriesOf(Map.of("ingest", 0.0, "index", 5.0));
    }

    @Test
    void aRestartedServiceAndAnUnreachableOneLeaveGapsNotNegativeRates() {
        Map<String, Long> unreachable = new HashMap<>();
        unreachable.put("ingest", null);
        unreachable.put("index", 30L);
        throughput.record(START, Map.of("ingest", 100L, "index", 10L));
        throughput.record(START.plusSeconds(10), unreachable);
        throughput.record(START.plusSeconds(20), Map.of("ingest", 4L, "index", 50L));

        List<Throughput.Point> points = throughput.points();

        assertThat(points.get(0).perSecond()).containsOnlyKeys("index");
        assertThat(points.get(1).perSecond()).containsOnlyKeys("index");
        assertThat(points.get(1).perSecond().get("index")).isEqualTo(2.0);
    }

    @Test
    void keepsOnlyTheLastTenMinutes() {
        for (int minute = 0; minute <= 30; minute++) {
            throughput.record(START.plusSeconds(60L * minute), Map.of("index", (long) minute));
        }

        assertThat(throughput.points()).hasSize(10)
                .allSatisfy(p -> assertThat(p.perSecond().get("index")).isEqualTo(1 / 60.0));
        assertThat(throughput.points().getFirst().at()).isEqualTo(START.plusSeconds(60L * 21));
    }
}
