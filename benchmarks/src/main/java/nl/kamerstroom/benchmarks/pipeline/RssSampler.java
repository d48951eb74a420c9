package nl.kamerstroom.benchmarks.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The peak of the summed resident memory of some processes, sampled every 100 ms while open, and what each
 * process held at that peak.
 */
final class RssSampler implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Thread thread;
    private volatile long peakBytes;
    private volatile Map<String, ProcFs.Resident> atPeak = Map.of();

    /** {@code pids}: process name to pid. */
    RssSampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.thread = Thread.ofPlatform().name("rss-sampler").daemon(true).start(this::sample);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            Map<String, ProcFs.Resident> now = new LinkedHashMap<>();
            pids.forEach((name, pid) -> now.put(name, ProcFs.resident(pid)));
            long bytes = now.values().stream().mapToLong(ProcFs.Resident::bytes).sum();
            if (bytes > peakBytes) {
                peakBytes = bytes;
                atPeak = now;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peakBytes;
    }

    /** Each process's resident memory at the stack's peak. */
    Map<String, ProcFs.Resident> atPeak() {
        return atPeak;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
