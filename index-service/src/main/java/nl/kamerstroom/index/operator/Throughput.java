package nl.kamerstroom.index.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents per second per stage over the last {@link #WINDOW}, from samples of each stage's
 * running count. A count that went down means the service restarted (counters start at zero):
 * that interval is left out rather than shown as a negative rate.
 */
final class Throughput {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Documents per second per stage in the interval ending at {@code at}. */
    record Point(Instant at, Map<String, Double> perSecond) {
    }

    private record Sample(Instant at, Map<String, Long> counts) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(Instant at, Map<String, Long> counts) {
        samples.addLast(new Sample(at, Map.copyOf(withoutNulls(counts))));
        while (!samples.isEmpty() && samples.getFirst().at().isBefore(at.minus(WINDOW))) {
            samples.removeFirst();
        }
    }

    synchronized List<Point> points() {
        List<Point> points = new ArrayList<>();
        Sample previous = null;
        for (Sample sample : samples) {
            if (previous != null) {
                double seconds = Duration.between(previous.at(), sample.at()).toMillis() / 1000.0;
                Map<String, Double> rates = new LinkedHashMap<>();
                for (var count : sample.counts().entrySet()) {
                    Long before = previous.counts().get(count.getKey());
                    if (before != null && count.getValue() >= before && seconds > 0) {
                        rates.put(count.getKey(), (count.getValue() - before) / seconds);
                    }
                }
                points.add(new Point(sample.at(), rates));
            }
            previous = sample;
        }
        return points;
    }

    private static Map<String, Long> withoutNulls(Map<String, Long> counts) {
        Map<String, Long> known = new LinkedHashMap<>();
        counts.forEach((stage, count) -> {
            if (count != null) {
                known.put(stage, count);
            }
        });
        return known;
    }
}
