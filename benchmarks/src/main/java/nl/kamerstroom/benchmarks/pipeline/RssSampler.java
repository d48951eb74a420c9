package nl.kamerstroom.benchmarks.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The peak of the summed resident memory of some processes, sampled every 100 ms while open. */
final class RssSampler implements AutoCloseable {

    private final List<Long> pids;
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;

    RssSampler(Collection<Long> pids) {
        this.pids = List.copyOf(pids);
        this.thread = Thread.ofPlatform().name("rss-sampler").daemon(true).start(this::sample);
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            peak.accumulateAndGet(pids.stream().mapToLong(ProcFs::rssBytes).sum(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
