package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each parse on a parse thread and waits at most the parse timeout. A parse past its time
 * is interrupted and abandoned: the file fails, the caller moves on. Parsers that ignore the
 * interrupt keep their thread until they finish on their own; those threads are daemons and
 * counted ({@link #abandoned()}), so a stuck parser shows on /metrics instead of wedging the
 * pipeline. Anything the parse throws, OutOfMemoryError and StackOverflowError included, ends
 * that one parse; its memory is released with its thread.
 */
public final class TimedParser implements AutoCloseable {

    private final TikaExtractor extractor;
    private final Duration timeout;
    /**
     * Parse threads are reused (parsers keep thread-local caches worth keeping); a thread stuck in
     * an abandoned parse stays busy and a fresh one takes its place.
     */
    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("ingest-parse-", 0).daemon(true).factory());
    private final AtomicLong abandoned = new AtomicLong();

    public TimedParser(TikaExtractor extractor, Duration timeout) {
        this.extractor = extractor;
        this.timeout = timeout;
    }

    public Extraction parse(Path file) throws ParseFailedException, InterruptedException {
        Future<Extraction> parse = threads.submit(() -> extractor.extract(file));
        try {
            return parse.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            abandoned.incrementAndGet();
            throw new ParseFailedException("Parse took longer than PARSE_TIMEOUT (" + timeout.toMillis()
                    + " ms) and was abandoned", e);
        } catch (ExecutionException e) {
            throw new ParseFailedException(FailureReasons.describe(e.getCause(), typeOf(file)), e.getCause());
        } catch (InterruptedException e) {
            parse.cancel(true);
            throw e;
        }
    }

    private String typeOf(Path file) {
        try {
            return extractor.detect(file);
        } catch (IOException | RuntimeException e) {
            return "file";
        }
    }

    /** Parses given up on after the timeout since start-up. */
    public long abandoned() {
        return abandoned.get();
    }

    public TikaExtractor extractor() {
        return extractor;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
