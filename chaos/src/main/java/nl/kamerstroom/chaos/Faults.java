package nl.kamerstroom.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;
import nl.kamerstroom.embedded.OpenSearchNode;

/**
 * The faults of a run, at seeded random moments within the load window: {@code kills} times
 * kill -9 of a random service instance (restarted 1-5 s later) and, with the OpenSearch store,
 * once more of an OpenSearch index instance; one instance of every service stopped with SIGTERM
 * and started 1-3 s later; one broker restart, one registry outage, one Lucene index replica
 * killed, its folder wiped and restarted (it rebuilds from documents.index); the OpenSearch node
 * paused (SIGSTOP: a cluster that does not answer, its writers wait) for as long as the registry
 * outage and, unless left out, stopped and started (its store instances back off until it
 * answers again). Run one after the other on their own thread.
 */
final class Faults {

    enum Kind { KILL, STOP_START, BROKER_RESTART, REGISTRY_OUTAGE, WIPE_REPLICA, OPENSEARCH_PAUSE, OPENSEARCH_RESTART }

    /** How long a stopped instance may take to exit before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** One fault: when (from the start of the load), what, on which instance (null for broker and registry). */
    record Fault(Duration at, Kind kind, ServiceInstance target, Duration downtime) {
        String describe() {
            return switch (kind) {
                case KILL -> "kill -9 " + target + ", restart after " + downtime.toMillis() + " ms";
                case STOP_START -> "stop " + target + " (SIGTERM), start after " + downtime.toMillis() + " ms";
                case BROKER_RESTART -> "broker restart";
                case REGISTRY_OUTAGE -> "registry stopped for " + downtime.toSeconds() + " s";
                case WIPE_REPLICA -> "replica " + target + " killed, its folder wiped, restarted";
                case OPENSEARCH_PAUSE -> "OpenSearch node paused (SIGSTOP) for " + downtime.toSeconds() + " s";
                case OPENSEARCH_RESTART -> "OpenSearch node stopped and started";
            };
        }
    }

    private final List<Fault> plan;
    private final Pipeline pipeline;
    private final EventLog events;
    private final List<String> injected = new ArrayList<>();

    private Faults(List<Fault> plan, Pipeline pipeline, EventLog events) {
        this.plan = plan;
        this.pipeline = pipeline;
        this.events = events;
    }

    static Faults plan(ChaosOptions options, Pipeline pipeline, EventLog events) {
        Random random = new Random(options.seed() * 31 + 7);
        long window = options.loadTime().toMillis();
        List<ServiceInstance> instances = pipeline.instances();
        List<ServiceInstance> replicas = pipeline.instances(ServiceKind.LUCENE_INDEX);
        List<ServiceInstance> openSearchStores = pipeline.instances(ServiceKind.OPENSEARCH_INDEX);
        List<Fault> plan = new ArrayList<>();
        if (!options.injectFaults()) {
            return new Faults(plan, pipeline, events);
        }
        for (int k = 0; k < options.kills(); k++) {
            plan.add(new Fault(at(random, window), Kind.KILL, pick(random, instances),
                    Duration.ofMillis(1_000 + random.nextInt(4_000))));
        }
        if (!openSearchStores.isEmpty()) {
            plan.add(new Fault(at(random, window), Kind.KILL, pick(random, openSearchStores),
                    Duration.ofMillis(1_000 + random.nextInt(4_000))));
        }
        for (ServiceKind kind : ServiceKind.values()) {
            List<ServiceInstance> ofKind = pipeline.instances(kind);
            if (!ofKind.isEmpty()) {
                plan.add(new Fault(at(random, window), Kind.STOP_START, pick(random, ofKind),
                        Duration.ofMillis(1_000 + random.nextInt(2_000))));
            }
        }
        plan.add(new Fault(at(random, window), Kind.BROKER_RESTART, null, Duration.ZERO));
        plan.add(new Fault(at(random, window), Kind.REGISTRY_OUTAGE, null, options.registryOutage()));
        plan.add(new Fault(at(random, window), Kind.WIPE_REPLICA, pick(random, replicas), Duration.ZERO));
        if (pipeline.openSearch().isPresent()) {
            plan.add(new Fault(at(random, window), Kind.OPENSEARCH_PAUSE, null, options.registryOutage()));
            if (options.restartOpenSearch()) {
                plan.add(new Fault(at(random, window), Kind.OPENSEARCH_RESTART, null, Duration.ZERO));
            }
        }
        plan.sort(Comparator.comparing(Fault::at));
        return new Faults(List.copyOf(plan), pipeline, events);
    }

    private static ServiceInstance pick(Random random, List<ServiceInstance> instances) {
        return instances.get(random.nextInt(instances.size()));
    }

    private static Duration at(Random random, long windowMillis) {
        // Not in the first tenth: the pipeline should be busy when a fault hits.
        return Duration.ofMillis(windowMillis / 10 + (long) (random.nextDouble() * windowMillis * 0.9));
    }

    /**
     * Runs the plan; {@code loadStarted} is System.nanoTime() when the first files were dropped.
     * A kill or stop of an instance runs on a thread of its own (its downtime overlaps the next
     * faults, as crashes do not wait for each other; faults on one instance still take turns);
     * broker, registry, replica and OpenSearch faults run one after the other.
     */
    void run(long loadStarted) {
        List<Thread> instanceFaults = new ArrayList<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (Fault fault : plan) {
            long due = loadStarted + fault.at().toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Pipeline.sleep(Duration.ofNanos(wait));
            }
            events.log("FAULT %s", fault.describe());
            if (fault.kind() == Kind.KILL || fault.kind() == Kind.STOP_START) {
                instanceFaults.add(Thread.ofPlatform().name("fault-" + fault.target()).start(() -> {
                    try {
                        inject(fault);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            } else {
                inject(fault);
            }
            synchronized (injected) {
                injected.add(fault.describe());
            }
        }
        for (Thread thread : instanceFaults) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void inject(Fault fault) {
        switch (fault.kind()) {
            case KILL -> pipeline.holdDown(fault.target(), () -> {
                fault.target().kill();
                Pipeline.sleep(fault.downtime());
                fault.target().start();
            });
            case STOP_START -> pipeline.holdDown(fault.target(), () -> {
                Duration took = fault.target().stop(STOP_GRACE);
                events.log("%s stopped %s", fault.target(), took == null ? "only by kill -9 after "
                        + STOP_GRACE.toSeconds() + " s" : "in " + took.toMillis() + " ms");
                Pipeline.sleep(fault.downtime());
                fault.target().start();
            });
            case BROKER_RESTART -> {
                pipeline.stack().broker().stop();
                pipeline.stack().broker().start();
                events.log("broker back (pid %d)", pipeline.stack().broker().pid());
            }
            case REGISTRY_OUTAGE -> {
                pipeline.stack().registry().stop();
                Pipeline.sleep(fault.downtime());
                pipeline.stack().registry().start();
                events.log("registry back (pid %d)", pipeline.stack().registry().pid());
            }
            case WIPE_REPLICA -> pipeline.holdDown(fault.target(), () -> {
                fault.target().kill();
                wipe(pipeline.indexDir(fault.target()));
                fault.target().start();
            });
            case OPENSEARCH_PAUSE -> {
                long pid = pipeline.openSearch().orElseThrow().pid();
                signal("STOP", pid);
                Pipeline.sleep(fault.downtime());
                signal("CONT", pid);
            }
            case OPENSEARCH_RESTART -> {
                OpenSearchNode node = pipeline.openSearch().orElseThrow();
                node.stop();
                node.start();
                events.log("OpenSearch back (pid %d)", node.pid());
            }
        }
    }

    /** {@code kill -SIGNAL pid}: Java can send only TERM and KILL. */
    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void wipe(Path dir) {
        try {
            BenchmarkFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot wipe " + dir, e);
        }
    }

    List<Fault> plan() {
        return plan;
    }

    List<String> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }
}
