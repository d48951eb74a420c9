package nl.kamerstroom.benchmarks.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.parse.LanguageGuesser;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.parse.TikaExtractor;

/** The service's own extractor (same limits, OCR and language detection), called directly on PARSE_THREADS threads. */
final class BareTika {

    private final TikaExtractor extractor;
    private final int threads;

    BareTika(IngestConfig config) {
        this.extractor = new TikaExtractor(config.maxTextChars(), OcrSupport.detect(), config.parseTimeout(),
                new LanguageGuesser());
        this.threads = config.parseThreads();
    }

    Duration parseAll(List<Path> files) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> parses = files.stream()
                    .map(file -> pool.submit(() -> extractor.extract(file).text().length()))
                    .toList();
            for (Future<Integer> parse : parses) {
                if (parse.get() == 0) {
                    throw new IllegalStateException("A benchmark file gave no text");
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
