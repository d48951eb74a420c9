package nl.kamerstroom.benchmarks.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.kamerstroom.benchmarks.Corpus;
import nl.kamerstroom.index.search.DocumentSearch;
import nl.kamerstroom.index.store.SearchIndex;
import org.apache.kafka.common.TopicPartition;

/**
 * The index-service's store, measured:
 * <ol>
 *   <li>documents/s indexed for ~20 KB documents, written straight into the store (one thread,
 *       as the feeder does, committing every 5,000 documents), up to {@code DOCUMENTS} (100,000);</li>
 *   <li>query latency p50/p99 on that index, through {@link DocumentSearch} (query, facets,
 *       highlighting, stored JSON: everything /api/search does but HTTP);</li>
 *   <li>the time a new replica takes to rebuild from documents.index on the embedded broker for
 *       {@code REBUILD_DOCUMENTS} (10,000), and how soon a new document is searchable after that.</li>
 * </ol>
 * Run: {@code java -Xmx2g -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
 * nl.kamerstroom.benchmarks.index.IndexBenchmark [DOCUMENTS [REBUILD_DOCUMENTS]]} from the repository root;
 * 0 skips a part.
 */
public final class IndexBenchmark {

    private static final int COMMIT_EVERY = 5_000;

    private IndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rebuildDocuments = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long started = System.nanoTime();
        BenchmarkDocuments source = new BenchmarkDocuments(Corpus.load(Corpus.locate(System.getenv(Corpus.ENV),
                Path.of(""))));
        System.out.printf("Index benchmark: %d documents of %d chars; %d cores, max heap %d MB (setup %.1f s)%n",
                documents, BenchmarkDocuments.DOCUMENT_CHARS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - started) / 1e9);

        if (documents > 0) {
            Path dir = Files.createTempDirectory("index-bench-");
            try (SearchIndex index = SearchIndex.open(dir)) {
                indexDirectly(index, source, documents);
                QueryLatency.measure(new DocumentSearch(index), System.out);
            } finally {
                delete(dir);
            }
        }
        if (rebuildDocuments > 0) {
            RebuildFromTopic.measure(source, rebuildDocuments, System.out);
        }
    }

    private static void indexDirectly(SearchIndex index, BenchmarkDocuments source, int documents) throws IOException {
        TopicPartition partition = new TopicPartition("documents.index", 0);
        long started = System.nanoTime();
        long cpuStarted = CpuTime.processNanos();
        long chars = 0;
        for (int i = 0; i < documents; i++) {
            var doc = source.index("bench-", i);
            chars += doc.getText().length();
            index.upsert(doc.getId(), doc);
            if ((i + 1) % COMMIT_EVERY == 0) {
                index.commit(Map.of(partition, (long) i + 1));
            }
            if ((i + 1) % 20_000 == 0) {
                System.out.printf("  %d documents, %.0f documents/s so far%n", i + 1,
                        (i + 1) / ((System.nanoTime() - started) / 1e9));
            }
        }
        index.commit(Map.of(partition, (long) documents));
        index.refresh();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (CpuTime.processNanos() - cpuStarted) / 1e9;
        System.out.printf("RESULT indexing: %d documents in %.1f s = %.0f documents/s (%.1f MB/s of text), "
                        + "index %d MB on disk; %.2f CPU ms per document = %.0f documents per CPU second "
                        + "(merges included; load average %s)%n", index.documentCount(), seconds, documents / seconds,
                chars / seconds / 1e6, index.sizeBytes() >> 20, cpuSeconds * 1000 / documents, documents / cpuSeconds,
                CpuTime.loadAverage());
    }

    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
