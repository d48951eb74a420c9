package nl.kamerstroom.enrich.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.kamerstroom.common.deadletter.DeadLetter;

/**
 * The service's own counters, next to the Kafka Streams metrics on {@code /metrics}. Counted
 * where the work happens; under exactly-once a task that is retried after a crash counts its
 * records again, so these are operational rates, not the ledger (the topics are).
 */
public final class EnrichMetrics {

    private final MeterRegistry registry;
    private final Counter enriched;
    private final Counter duplicates;
    private final Counter deletes;
    private final Counter amountsDropped;
    private final Timer extraction;
    private final Counter threadReplacements;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.enriched = documents(registry, "enriched");
        this.duplicates = documents(registry, "duplicate");
        this.deletes = documents(registry, "deleted");
        this.amountsDropped = Counter.builder("kamerstroom.enrich.amounts.dropped")
                .description("Amounts left out of a document because decimal(24,2) cannot hold them")
                .register(registry);
        this.extraction = Timer.builder("kamerstroom.enrich.extraction")
                .description("Time the entity extractor takes per document")
                .register(registry);
        this.threadReplacements = Counter.builder("kamerstroom.enrich.stream.thread.replacements")
                .description("Stream threads that died of an unexpected error and were replaced")
                .register(registry);
        // Registered up front so dashboards and alerts see 0 rather than no series at all.
        DeadLetter.STAGES.forEach(this::deadLetterCounter);
    }

    public void enriched(Duration extractionTime) {
        enriched.increment();
        extraction.record(extractionTime);
    }

    /** A document flagged duplicate by ingest (a second copy, sent without text): skipped. */
    public void duplicate() {
        duplicates.increment();
    }

    /** A tombstone: the document was deleted. */
    public void deleted() {
        deletes.increment();
    }

    public void amountsDropped(int amounts) {
        if (amounts > 0) {
            amountsDropped.increment(amounts);
        }
    }

    /** A record went to the dead-letter topic; {@code reason} is the stage that failed. */
    public void deadLetter(String reason) {
        deadLetterCounter(reason).increment();
    }

    private Counter deadLetterCounter(String reason) {
        return deadLetters.computeIfAbsent(reason, r -> Counter.builder("kamerstroom.enrich.dlq")
                .description("Records sent to documents.dlq, by the stage that failed")
                .tag("reason", r)
                .register(registry));
    }

    public void threadReplaced() {
        threadReplacements.increment();
    }

    public long enrichedCount() {
        return (long) enriched.count();
    }

    public long duplicateCount() {
        return (long) duplicates.count();
    }

    public long deadLetterCount() {
        return deadLetters.values().stream().mapToLong(c -> (long) c.count()).sum();
    }

    private static Counter documents(MeterRegistry registry, String outcome) {
        return Counter.builder("kamerstroom.enrich.documents")
                .description("Documents read from documents.ingested, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
