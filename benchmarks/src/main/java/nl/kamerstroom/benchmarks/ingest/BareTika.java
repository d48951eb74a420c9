package nl.kamerstroom.benchmarks.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.ingest.parse.LanguageGuesser;
import nl.kamerstroom.ingest.parse.OcrSupport;
import nl.kamerstroom.ingest.parse.TikaExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Parsing alone, on PARSE_THREADS threads: either the service's own extractor (same limits, OCR
 * and language detection), or Tika's AutoDetectParser as a program that only wants the text
 * would call it (the reference of issue 11, which does not change when the extractor does).
 */
final class BareTika {

    private final TikaExtractor extractor;
    private final AutoDetectParser plain = new AutoDetectParser();
    private final int threads;

    BareTika(IngestConfig config) {
        this.extractor = new TikaExtractor(config.maxTextChars(), OcrSupport.detect(), config.parseTimeout(),
                new LanguageGuesser());
        this.threads = config.parseThreads();
    }

    /** The service's extractor on every file. */
    Duration parseAll(List<Path> files) throws Exception {
        return time(files, file -> () -> extractor.extract(file).text().length());
    }

    /** AutoDetectParser with defaults, text only, on every file. */
    Duration parsePlainAll(List<Path> files) throws Exception {
        return time(files, file -> () -> {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            BodyContentHandler text = new BodyContentHandler(-1);
            try (InputStream in = TikaInputStream.get(file, metadata)) {
                plain.parse(in, text, metadata);
            }
            return text.toString().length();
        });
    }

    private Duration time(List<Path> files, Function<Path, Callable<Integer>> parse)
            throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> parses = files.stream().map(file -> pool.submit(parse.apply(file))).toList();
            for (Future<Integer> result : parses) {
                if (result.get() == 0) {
                    throw new IllegalStateException("A benchmark file gave no text");
                }
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
