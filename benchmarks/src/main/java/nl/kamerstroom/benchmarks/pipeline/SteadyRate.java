package nl.kamerstroom.benchmarks.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single texts dropped at a steady rate, each timed from its move into the inbox until a search
 * finds it. One poller asks for the pending documents' unique words in one OR query every 20 ms,
 * so measuring adds one small query per 20 ms however many documents are in flight.
 */
final class SteadyRate {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final int MAX_WORDS_PER_QUERY = 100;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private final UpProcess up;
    private final SearchClient search;
    private final int perSecond;

    SteadyRate(UpProcess up, SearchClient search, int perSecond) {
        this.up = up;
        this.search = search;
        this.perSecond = perSecond;
    }

    /** Percentiles of one latency, in milliseconds. */
    record Percentiles(double p50, double p95, double p99, double max) {
        static Percentiles of(List<Duration> latencies) {
            double[] ms = latencies.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
            return new Percentiles(at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1]);
        }

        private static double at(double[] sorted, double quantile) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        }

        String line() {
            return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", p50, p95, p99, max);
        }
    }

    record Latencies(int perSecond, int documents, Percentiles dropToSearchable, Percentiles ingestedToSearchable) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("docsPerSecond", perSecond);
            json.put("documents", documents);
            json.put("dropToSearchableMs", dropToSearchable);
            json.put("ingestedToSearchableMs", ingestedToSearchable);
            return json;
        }
    }

    Latencies run(List<Path> files) throws Exception {
        int n = files.size();
        String[] words = new String[n];
        String[] ids = new String[n];
        long[] dropped = new long[n];
        Arrays.fill(dropped, -1);
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = files.get(i).getFileName().toString();
            words[i] = name.substring("document-".length(), name.length() - ".txt".length());
            ids[i] = PipelineBenchmark.sha256(files.get(i));
            byName.put(name, i);
        }
        Map<Integer, Long> foundNanos = new ConcurrentHashMap<>();
        Map<Integer, Instant> foundAt = new ConcurrentHashMap<>();
        Thread poller = Thread.ofPlatform().name("steady-poller").daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> pending = new ArrayList<>();
                for (int i = 0; i < n && pending.size() < MAX_WORDS_PER_QUERY; i++) {
                    if (dropped[i] >= 0 && !foundNanos.containsKey(i)) {
                        pending.add(words[i]);
                    }
                }
                try {
                    if (!pending.isEmpty()) {
                        Set<String> names = search.searchable(pending);
                        long now = System.nanoTime();
                        Instant wall = Instant.now();
                        for (String name : names) {
                            Integer i = byName.get(name);
                            if (i != null && foundNanos.putIfAbsent(i, now) == null) {
                                foundAt.put(i, wall);
                            }
                        }
                    }
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the API is busy; the next poll asks again
                }
            }
        });
        System.out.printf("  steady rate: %d texts at %d/s ...%n", n, perSecond);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Path file = files.get(i);
            Files.move(file, up.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            dropped[i] = System.nanoTime();
        }
        PipelineBenchmark.waitFor("every steady document searchable", DRAIN_TIMEOUT, () -> foundNanos.size() == n);
        poller.interrupt();
        poller.join();

        List<Duration> dropToSearchable = new ArrayList<>();
        List<Duration> ingestedToSearchable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dropToSearchable.add(Duration.ofNanos(foundNanos.get(i) - dropped[i]));
            Instant ingested = PipelineBenchmark.ingestedAt(search.document(ids[i]));
            if (ingested != null) {
                ingestedToSearchable.add(Duration.between(ingested, foundAt.get(i)));
            }
        }
        Latencies latencies = new Latencies(perSecond, n, Percentiles.of(dropToSearchable),
                Percentiles.of(ingestedToSearchable));
        System.out.printf("  drop-to-searchable: %s%n  ingested-to-searchable: %s%n",
                latencies.dropToSearchable().line(), latencies.ingestedToSearchable().line());
        return latencies;
    }
}
