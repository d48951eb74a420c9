package nl.kamerstroom.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One run of the suite.
 *
 * @param seed           every random choice (texts, drop order, fault moments and targets) follows from it
 * @param documents      unique documents dropped, text files and PDFs together
 * @param pdfs           how many of them are PDFs
 * @param twins          pairs of identical files dropped at the same moment
 * @param kills          random kill -9 faults; the other faults (see {@link Faults}) come on top
 * @param registryOutage how long the registry stays stopped
 * @param loadTime       over how long the files are dropped (faults fall in this window)
 * @param settleTimeout  how long the pipeline may take to finish after the last fault
 * @param instances      instances of each service (1 or 2)
 * @param poisonEnriched whether poison records go to documents.enriched too (before the index dead-letter
 *                       fix a poison record there stops the index topology, and every later check with it)
 * @param injectFaults   false for a throughput measurement: no kills, restarts, outage or wipe (poison stays)
 * @param openSearch     whether an OpenSearch node and index instances with INDEX_STORE=opensearch run too
 * @param restartOpenSearch whether the OpenSearch node is also stopped and started (its store backs off
 *                       meanwhile); ~15 CPU-seconds and 15-40 s on two cores
 * @param dir            working folder: stack data, inbox, done, failed, per-instance state and logs
 */
record ChaosOptions(long seed, int documents, int pdfs, int twins, int kills, Duration registryOutage,
                    Duration loadTime, Duration settleTimeout, int instances, boolean poisonEnriched, boolean injectFaults,
                    boolean openSearch, boolean restartOpenSearch, Path dir) {

    ChaosOptions {
        if (pdfs > documents) {
            throw new IllegalArgumentException("--pdfs (" + pdfs + ") cannot exceed --documents (" + documents + ")");
        }
        if (instances < 1) {
            throw new IllegalArgumentException("--instances must be at least 1");
        }
    }
}
