package nl.kamerstroom.benchmarks.index;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.search.SearchRequest;

/**
 * Query latency by kind of query, each kind run {@value #RUNS} times after a warm-up, single
 * client thread: what one user waits for with an idle server (the 2 cores are shared with merges).
 */
final class QueryLatency {

    private static final int WARM_UP = 50;
    private static final int RUNS = 200;
    private static final String[] WORDS = {"kabinet", "nederland", "bedrijven", "samenwerking",
        "ontwikkelingssamenwerking", "digitalisering", "klimaat", "financiering", "ondernemers", "markten"};

    private QueryLatency() {
    }

    static void measure(DocumentSearch search, PrintStream out) throws IOException {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("one word", i -> SearchRequest.query(word(i)));
        kinds.put("two words (AND)", i -> SearchRequest.query(word(i) + " " + word(i + 3)));
        kinds.put("phrase", i -> SearchRequest.query("\"nederlandse bedrijven\""));
        kinds.put("prefix wildcard", i -> SearchRequest.query(word(i).substring(0, 5) + "*"));
        kinds.put("word + ministry filter", i -> filtered(word(i), "BZ", null));
        kinds.put("all documents + minAmount", i -> filtered(null, null, new BigDecimal(1_000_000)));
        kinds.put("all documents, newest first", i -> SearchRequest.all());
        List<Long> all = new ArrayList<>();
        List<Long> allCpu = new ArrayList<>();
        long total = search.search(SearchRequest.all()).total();
        out.printf("Query latency on %d documents (limit 10, facets ministry/country/type/year, snippets):%n", total);
        for (Map.Entry<String, Kind> kind : kinds.entrySet()) {
            for (int i = 0; i < WARM_UP; i++) {
                search.search(kind.getValue().request(i));
            }
            long[] nanos = new long[RUNS];
            long[] cpu = new long[RUNS];
            long hits = 0;
            for (int i = 0; i < RUNS; i++) {
                long started = System.nanoTime();
                long cpuStarted = CpuTime.threadNanos();
                hits += search.search(kind.getValue().request(i)).total();
                cpu[i] = CpuTime.threadNanos() - cpuStarted;
                nanos[i] = System.nanoTime() - started;
                all.add(nanos[i]);
                allCpu.add(cpu[i]);
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            out.printf("  %-30s p50 %6.1f ms  p99 %6.1f ms  CPU p50 %6.1f ms  (avg %d hits)%n", kind.getKey(),
                    ms(percentile(nanos, 50)), ms(percentile(nanos, 99)), ms(percentile(cpu, 50)), hits / RUNS);
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sortedCpu = allCpu.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf("RESULT query latency, all kinds: p50 %.1f ms, p99 %.1f ms; CPU p50 %.1f ms, p99 %.1f ms "
                        + "(%d queries, load average %s)%n", ms(percentile(sorted, 50)), ms(percentile(sorted, 99)),
                ms(percentile(sortedCpu, 50)), ms(percentile(sortedCpu, 99)), sorted.length, CpuTime.loadAverage());
    }

    private static SearchRequest filtered(String q, String ministry, BigDecimal minAmount) {
        return new SearchRequest(q, null, ministry, null, null, null, null, null, null, null, null, minAmount,
                SearchRequest.DEFAULT_CURRENCY, 10, 0);
    }

    private static String word(int i) {
        return WORDS[i % WORDS.length];
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    @FunctionalInterface
    private interface Kind {
        SearchRequest request(int i);
    }
}
