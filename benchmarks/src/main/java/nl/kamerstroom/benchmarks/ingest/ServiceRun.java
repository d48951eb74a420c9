package nl.kamerstroom.benchmarks.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.kamerstroom.ingest.IngestService;
import nl.kamerstroom.ingest.config.IngestConfig;

/** A running ingest-service; files are moved into its inbox and timed until all are in done/. */
final class ServiceRun implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final IngestConfig config;
    private final IngestService service;
    private int expectedDone;

    private ServiceRun(IngestConfig config) {
        this.config = config;
        this.service = new IngestService(config);
    }

    static ServiceRun start(IngestConfig config) throws Exception {
        ServiceRun run = new ServiceRun(config);
        run.service.start();
        return run;
    }

    /** Renames the files into the inbox (as a finished copy would appear) and waits until all are done. */
    Duration ingest(List<Path> files) throws Exception {
        long start = System.nanoTime();
        for (Path file : files) {
            Files.move(file, config.inboxDir().resolve(file.getFileName()));
        }
        expectedDone += files.size();
        long deadline = start + TIMEOUT.toNanos();
        while (finished("done") < expectedDone) {
            if (finished("failed") > 0) {
                throw new IllegalStateException("A benchmark file failed; see " + config.failedDir());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not all files were done after " + TIMEOUT);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Read from the service's own counter: listing done/ every few ms would cost more than it measures. */
    private double finished(String outcome) {
        return service.registry().get("kamerstroom.ingest.files").tag("outcome", outcome).counter().count();
    }

    @Override
    public void close() {
        service.close();
    }
}
