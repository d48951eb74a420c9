package nl.kamerstroom.ingest.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a summary line every interval in which something happened: counts, backlog, rates. */
public final class ProgressLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final IngestMetrics metrics;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ingest-progress").daemon(true).factory());
    private long lastFiles = -1;
    private long lastBytes;
    private int lastBacklog = -1;

    public ProgressLog(IngestMetrics metrics, Duration interval) {
        this.metrics = metrics;
        this.interval = interval;
    }

    public void start() {
        timer.scheduleAtFixedRate(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report() {
        long done = metrics.count("done");
        long duplicates = metrics.count("duplicate");
        long failed = metrics.count("failed");
        long files = done + duplicates + failed;
        long bytes = metrics.totalBytes();
        int backlog = metrics.backlog();
        if (files == lastFiles && backlog == lastBacklog) {
            return;
        }
        double seconds = interval.toMillis() / 1000.0;
        long newFiles = lastFiles < 0 ? files : files - lastFiles;
        LOG.info("Ingest: {} seen, {} done, {} duplicates, {} failed; {} in progress, {} waiting in inbox; "
                        + "{} files/s, {} MB/s", metrics.claimedCount(), done, duplicates, failed,
                metrics.inProgress().get(), backlog,
                String.format("%.1f", newFiles / seconds),
                String.format("%.2f", (bytes - lastBytes) / seconds / 1_000_000));
        lastFiles = files;
        lastBytes = bytes;
        lastBacklog = backlog;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
