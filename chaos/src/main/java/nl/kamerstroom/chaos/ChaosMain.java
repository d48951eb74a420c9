package nl.kamerstroom.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;
import nl.kamerstroom.common.config.Setting;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/kamerstroom chaos}: the fault-injection suite. Exit code 0 when every check passed, 1 otherwise. */
@Command(name = "kamerstroom chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs broker, registry, an OpenSearch node and two instances of every service (index-service "
                + "with the Lucene store and with the OpenSearch store) as separate processes, drops documents, "
                + "identical pairs, hostile files and foreign poison records (kcat), deletes some documents, injects "
                + "faults (kill -9, stop and start, broker restart, registry outage, wiped index replica, OpenSearch "
                + "pause and restart) and checks that every document arrived whole and exactly once in every store, the entity "
                + "counts are exact and every poison record is a dead letter.",
                "Every random choice follows from --seed: a failing run repeats with the same seed."})
public final class ChaosMain implements Callable<Integer> {

    private static final Setting<Duration> DURATION = Setting.duration("duration", "0s", "");

    @Option(names = "--seed", description = "Seed of every random choice (default: a new one, printed).")
    Long seed;

    @Option(names = "--documents", defaultValue = "3000", description = "Unique documents (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(names = "--pdfs", defaultValue = "300", description = "How many of them are PDFs (default ${DEFAULT-VALUE}).")
    int pdfs;

    @Option(names = "--twins", description = "Pairs of identical files dropped together (default: documents / 50, at least 5).")
    Integer twins;

    @Option(names = "--faults", defaultValue = "6",
            description = "Random kill -9 faults (default ${DEFAULT-VALUE}); on top come a kill -9 of an OpenSearch index "
                    + "instance, a stop and start of one instance of every service, a broker restart, a registry outage, "
                    + "a replica wipe, and an OpenSearch pause and restart.")
    int kills;

    @Option(names = "--registry-outage", defaultValue = "20s", converter = DurationConverter.class,
            description = "How long the registry stays stopped (default ${DEFAULT-VALUE}).")
    Duration registryOutage;

    @Option(names = "--load-time", converter = DurationConverter.class,
            description = "Over how long the files are dropped; the faults fall in this window (default: documents / 30 s, at least 30 s).")
    Duration loadTime;

    @Option(names = "--settle-timeout", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long the pipeline may take to finish after the load (default ${DEFAULT-VALUE}).")
    Duration settleTimeout;

    @Option(names = "--instances", defaultValue = "2", description = "Instances of each service (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--no-enriched-poison", negatable = false,
            description = "Write no poison records to documents.enriched.")
    boolean noEnrichedPoison;

    @Option(names = "--no-faults",
            description = "Inject no faults (poison records still come): measures throughput, e.g. --instances 1 against 2.")
    boolean noFaults;

    @Option(names = "--no-opensearch",
            description = "Leave the OpenSearch store out: no OpenSearch node, no index instances with INDEX_STORE=opensearch.")
    boolean noOpenSearch;

    @Option(names = "--no-opensearch-restart",
            description = "Pause the OpenSearch node (SIGSTOP) but do not stop and start it.")
    boolean noOpenSearchRestart;

    @Option(names = "--dir", description = "Working folder (default: a new folder under the system temp folder).")
    Path dir;

    @Option(names = "--keep", description = "Keep the temporary working folder (stack data, files, logs) after a passing run; a failing run, or one with --dir, always keeps it.")
    boolean keep;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ChaosOptions options = options();
        ChaosRun.Result result = new ChaosRun(options, System.out).run();
        System.out.println();
        System.out.printf("Seed %d, %d s; faults injected: %s%n", result.seed(), result.took().toSeconds(), result.faults());
        System.out.printf("Instances that exited by themselves and were restarted: %s%n", result.selfExits());
        System.out.println(result.throughput());
        CheckTable.print(result.checks(), System.out);
        if (result.passed() && !keep && dir == null) {
            BenchmarkFiles.deleteTree(options.dir());
        } else {
            System.out.println("Working folder (logs in logs/): " + options.dir());
        }
        return result.passed() ? 0 : 1;
    }

    ChaosOptions options() throws java.io.IOException {
        long runSeed = seed != null ? seed : Math.floorMod(System.nanoTime(), 1_000_000L);
        Path folder = dir != null ? Files.createDirectories(dir.toAbsolutePath())
                : Files.createTempDirectory("kamerstroom-chaos-" + runSeed + "-");
        Duration load = loadTime != null ? loadTime : Duration.ofSeconds(Math.max(30, documents / 30));
        int pairs = twins != null ? twins : Math.max(5, documents / 50);
        return new ChaosOptions(runSeed, documents, pdfs, pairs, kills, registryOutage, load, settleTimeout, instances,
                !noEnrichedPoison, !noFaults, !noOpenSearch, !noOpenSearchRestart, folder);
    }

    /** Durations as the services' settings write them: 20s, 500ms, 2m, or ISO-8601. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DURATION.parser().apply(value);
        }
    }
}
