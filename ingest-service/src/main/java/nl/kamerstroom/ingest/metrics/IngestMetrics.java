package nl.kamerstroom.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The meters of ingest-service, all prefixed {@code kamerstroom_ingest_}. Outcomes are a tag
 * (done, duplicate, failed) so one query gives the split; failures also count by stage.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Timer extraction;
    private final Counter ocr;
    private final Counter truncated;
    private final Counter retries;
    private final Counter claimed;
    private final DistributionSummary textChars;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("kamerstroom.ingest.inbox.backlog", backlog, AtomicInteger::get)
                .description("Files waiting in the inbox, not yet claimed").register(registry);
        Gauge.builder("kamerstroom.ingest.in.progress", inProgress, AtomicInteger::get)
                .description("Files claimed and not yet in done/ or failed/").register(registry);
        extraction = Timer.builder("kamerstroom.ingest.extraction")
                .description("Time Tika took to extract one file's text and metadata")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
        ocr = Counter.builder("kamerstroom.ingest.ocr").description("Documents whose text was read (partly) by OCR")
                .register(registry);
        truncated = Counter.builder("kamerstroom.ingest.text.truncated")
                .description("Documents whose text was cut at MAX_TEXT_CHARS").register(registry);
        retries = Counter.builder("kamerstroom.ingest.retries")
                .description("Sends that failed for a transient reason; the file stays claimed and is retried")
                .register(registry);
        claimed = Counter.builder("kamerstroom.ingest.claimed")
                .description("Files taken from the inbox (or resumed from the claimed folder at start-up)")
                .register(registry);
        textChars = DistributionSummary.builder("kamerstroom.ingest.text.chars")
                .description("Characters of text extracted per document").baseUnit("chars").register(registry);
        for (String outcome : new String[] {"done", "duplicate", "failed"}) {
            files(outcome);
            bytes(outcome);
        }
    }

    public void done(long bytes, int chars) {
        files("done").increment();
        bytes("done").increment(bytes);
        textChars.record(chars);
    }

    public void duplicate(long bytes) {
        files("duplicate").increment();
        bytes("duplicate").increment(bytes);
    }

    public void failed(String stage, long bytes) {
        files("failed").increment();
        bytes("failed").increment(Math.max(0, bytes));
        Counter.builder("kamerstroom.ingest.failures").tag("stage", stage)
                .description("Files moved to failed/, by the step that failed").register(registry).increment();
    }

    public void extraction(Duration took) {
        extraction.record(took);
    }

    public void ocrUsed() {
        ocr.increment();
    }

    public void truncated() {
        truncated.increment();
    }

    public void claimed() {
        claimed.increment();
    }

    public long claimedCount() {
        return (long) claimed.count();
    }

    public void retry() {
        retries.increment();
    }

    public void backlog(int files) {
        backlog.set(files);
    }

    public AtomicInteger inProgress() {
        return inProgress;
    }

    /** Exposes a count kept elsewhere, such as the parses abandoned after their timeout. */
    public void countFrom(String name, String description, Supplier<Number> count) {
        FunctionCounter.builder(name, count, c -> c.get().doubleValue()).description(description).register(registry);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value, v -> v.get().doubleValue()).description(description).register(registry);
    }

    public long count(String outcome) {
        return (long) files(outcome).count();
    }

    /** Bytes of every file finished so far, whatever the outcome; for the progress line. */
    public long totalBytes() {
        return (long) (bytes("done").count() + bytes("duplicate").count() + bytes("failed").count());
    }

    public int backlog() {
        return backlog.get();
    }

    private Counter files(String outcome) {
        return Counter.builder("kamerstroom.ingest.files").tag("outcome", outcome)
                .description("Files ingested, by outcome").register(registry);
    }

    private Counter bytes(String outcome) {
        return Counter.builder("kamerstroom.ingest.bytes").tag("outcome", outcome).baseUnit("bytes")
                .description("Bytes of files ingested, by outcome").register(registry);
    }
}
