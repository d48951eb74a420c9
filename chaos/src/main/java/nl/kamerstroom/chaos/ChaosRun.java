package nl.kamerstroom.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstroom.testkit.TopicReader;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * One run of the suite: generate the files, start the pipeline, drop the files in groups over
 * the load window while the faults hit and the poison records arrive, wait until the pipeline
 * has settled, check, stop everything, check again.
 */
final class ChaosRun {

    static final Duration STOP_LIMIT = Duration.ofSeconds(5);
    private static final int DROPS = 40;
    /** Eight service JVMs beside broker, registry and OpenSearch took over 4 minutes at load average 30. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration REAL_RECORD_WAIT = Duration.ofSeconds(30);

    /** What the run did and found. */
    record Result(long seed, List<Check> checks, List<String> faults, Map<ServiceInstance, Integer> selfExits,
                  Throughput throughput, Duration took) {
        boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    private final ChaosOptions options;
    private final EventLog events;

    ChaosRun(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.events = new EventLog(out);
    }

    Result run() throws IOException, InterruptedException {
        events.log("seed %d: %d documents (%d PDFs), %d identical pairs, hostile files; %d instances of each service%s; "
                        + "folder %s", options.seed(), options.documents(), options.pdfs(), options.twins(),
                options.instances(), options.openSearch() ? " and the OpenSearch store" : "", options.dir());
        Workload workload = Workload.create(options, options.dir().resolve("staging"), DROPS);
        events.log("%d files written (%d documents expected in the index)", workload.fileCount(),
                workload.expected().size());
        List<Check> checks = new ArrayList<>();
        List<String> injected;
        Map<ServiceInstance, Integer> selfExits;
        Map<ServiceInstance, Duration> stopTimes;
        Throughput throughput;
        int deletions = options.injectFaults() ? Math.max(2, options.documents() / 100) : 0;
        int deleted;
        try (Pipeline pipeline = Pipeline.start(options.dir(), options.instances(), options.openSearch(), events,
                STARTUP_TIMEOUT)) {
            events.log("every instance healthy");
            Faults faults = Faults.plan(options, pipeline, events);
            events.log("faults planned: %s", faults.plan().stream()
                    .map(fault -> fault.at().toSeconds() + " s: " + fault.describe()).toList());
            long loadStarted = System.nanoTime();
            AtomicReference<RuntimeException> faultFailure = new AtomicReference<>();
            Thread faultThread = new Thread(() -> {
                try {
                    faults.run(loadStarted);
                } catch (RuntimeException e) {
                    faultFailure.set(e);
                }
            }, "chaos-faults");
            faultThread.start();
            List<PoisonRecords.Poison> poisons;
            boolean settled;
            try (Deletions deleter = new Deletions(pipeline.bootstrapServers(), deletions,
                    new ReplicaClient(pipeline.instances(ServiceKind.LUCENE_INDEX).getFirst().baseUrl()))) {
                poisons = load(pipeline, workload, deleter);
                faultThread.join();
                if (faultFailure.get() != null) {
                    throw new IllegalStateException("A fault could not be injected", faultFailure.get());
                }
                events.log("load and faults done; waiting for the pipeline to settle");
                settled = settle(pipeline, workload, deleter);
                deleted = deleter.deleted().size();
            }
            throughput = Throughput.measure(workload.expected().size(), loadStarted, settled, pipeline.instances(),
                    pipeline.stackProcesses());
            // The last entity counts become visible with the enrich transaction after the last document's.
            Pipeline.sleep(Duration.ofSeconds(3));
            List<ServiceInstance> unhealthy = unhealthy(pipeline);
            events.log("checking");
            checks.addAll(new Checks(pipeline, workload, poisons).whileRunning(unhealthy));
            injected = faults.injected();
            selfExits = pipeline.selfExits();
            stopTimes = pipeline.stopServices(STOP_GRACE);
            events.log("services stopped: %s", stopTimes);
        }
        // Without this line a run that deleted nothing would pass the delete checks on no evidence.
        checks.add(Check.of("documents deleted (tombstones) while the pipeline ran", deletions, deleted,
                deleted == deletions));
        checks.addAll(Checks.afterShutdown(stopTimes, STOP_LIMIT));
        return new Result(options.seed(), checks, injected, selfExits, throughput, events.elapsed());
    }

    /**
     * Drops the groups evenly over the load window; poison records a third and two thirds in;
     * halfway and three quarters in, deletes documents that have made it through (the rest while
     * the pipeline settles).
     */
    private List<PoisonRecords.Poison> load(Pipeline pipeline, Workload workload, Deletions deleter)
            throws IOException, InterruptedException {
        Path scratch = Files.createDirectories(options.dir().resolve("poison"));
        List<PoisonRecords.Poison> poisons = new ArrayList<>();
        long pause = options.loadTime().toMillis() / workload.groupCount();
        for (int group = 0; group < workload.groupCount(); group++) {
            workload.drop(group, pipeline.inbox());
            if (group == workload.groupCount() / 3) {
                poisons.addAll(poison(pipeline, Topics.INGESTED, scratch));
            }
            if (group == 2 * workload.groupCount() / 3 && options.poisonEnriched()) {
                poisons.addAll(poison(pipeline, Topics.ENRICHED, scratch));
            }
            if (group == workload.groupCount() / 2 || group == 3 * workload.groupCount() / 4) {
                deleter.deleteFinished(workload, pipeline.done());
            }
            Thread.sleep(pause);
        }
        events.log("all %d files dropped", workload.fileCount());
        return poisons;
    }

    private List<PoisonRecords.Poison> poison(Pipeline pipeline, String topic, Path scratch)
            throws IOException, InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> real = readFirstRecord(pipeline, topic);
        byte[] model = real.isEmpty() ? PoisonRecords.syntheticValue(options.seed()) : real.get(0).value();
        if (real.isEmpty()) {
            events.log("no record on %s after %d s to model the poison on; using a made-up one", topic,
                    REAL_RECORD_WAIT.toSeconds());
        }
        List<PoisonRecords.Poison> written = PoisonRecords.write(pipeline.bootstrapServers(), topic, model,
                options.seed(), scratch);
        events.log("kcat wrote %d poison records to %s", written.size(), topic);
        return written;
    }

    /** The first record of {@code topic} (none when it has none yet), waiting out a broker restart. */
    private List<ConsumerRecord<byte[], byte[]>> readFirstRecord(Pipeline pipeline, String topic) {
        long deadline = System.nanoTime() + options.settleTimeout().toNanos();
        while (true) {
            try {
                return TopicReader.read(pipeline.bootstrapServers(), topic, 1, REAL_RECORD_WAIT);
            } catch (KafkaException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                events.log("cannot read %s yet (%s); trying again", topic, e.getMessage());
            }
        }
    }

    /**
     * Waits until no file is left in the inbox or a claim folder, every document to delete is
     * deleted (only finished documents qualify, so on a loaded machine most are deleted here), and
     * every store (each Lucene replica, and OpenSearch through its first index instance) holds as
     * many documents as expected.
     */
    private boolean settle(Pipeline pipeline, Workload workload, Deletions deleter) throws InterruptedException {
        long deadline = System.nanoTime() + options.settleTimeout().toNanos();
        long nextProgress = 0;
        List<ReplicaClient> replicas = pipeline.stores().stream()
                .map(store -> new ReplicaClient(store.baseUrl())).toList();
        while (System.nanoTime() < deadline) {
            long inInbox;
            long claimed;
            try {
                inInbox = Checks.filesUnder(pipeline.inbox(), pipeline.ingestWorkDir()).size();
                claimed = Checks.claimedFiles(pipeline).size();
            } catch (IOException | UncheckedIOException e) {
                // A file moved on while the folder was walked: look again.
                Pipeline.sleep(Duration.ofMillis(200));
                continue;
            }
            if (!deleter.done()) {
                deleter.deleteFinished(workload, pipeline.done());
                if (deleter.done()) {
                    events.log("deleted %d documents (tombstones on %s): %s", deleter.deleted().size(),
                            Topics.INGESTED, deleter.deleted());
                }
            }
            List<Long> held = replicas.stream().map(ReplicaClient::total).toList();
            boolean indexed = held.stream().allMatch(total -> total == workload.expected().size());
            if (inInbox == 0 && claimed == 0 && indexed && deleter.done()) {
                events.log("settled: inbox empty, every store holds %d documents", workload.expected().size());
                return true;
            }
            if (System.nanoTime() > nextProgress) {
                events.log("waiting: %d files in the inbox, %d claimed, stores hold %s of %d", inInbox, claimed, held,
                        workload.expected().size());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Pipeline.sleep(Duration.ofSeconds(1));
        }
        events.log("not settled after %d s; checking what there is", options.settleTimeout().toSeconds());
        return false;
    }

    private List<ServiceInstance> unhealthy(Pipeline pipeline) {
        List<ServiceInstance> unhealthy = new ArrayList<>();
        for (ServiceInstance instance : pipeline.instances()) {
            try {
                pipeline.awaitHealthy(List.of(instance), HEALTH_TIMEOUT);
            } catch (IllegalStateException e) {
                unhealthy.add(instance);
            }
        }
        return unhealthy;
    }
}
