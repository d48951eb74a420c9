package nl.kamerstroom.enrich.it;

import java.time.Clock;
import java.util.List;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.lifecycle.ServiceRunner;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.enrich.topology.TextExtractor;
import nl.kamerstroom.extraction.EntityExtractor;

/**
 * The enrich-service as {@code EnrichMain} runs it, with an extractor slowed down by
 * {@code args[0]} milliseconds per document, so that a test can kill it in the middle of a stream.
 */
public final class SlowEnrichMain {

    private SlowEnrichMain() {
    }

    public static void main(String[] args) throws Exception {
        long delayMillis = Long.parseLong(args[0]);
        EntityExtractor extractor = EntityExtractor.create();
        TextExtractor slow = text -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return extractor.extract(text);
        };
        EnrichConfig config = EnrichConfig.from(Settings.fromEnvironment());
        ServiceRunner.runUntilShutdown(List.of(new EnrichService(config, slow, Clock.systemUTC())));
    }
}
