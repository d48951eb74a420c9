package nl.kamerstroom.benchmarks.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.kamerstroom.benchmarks.ingest.BenchmarkFiles;

/**
 * The whole single-machine pipeline, measured as a user meets it, beside its raw parts on the same
 * files in the same run:
 * <ol>
 *   <li>the raw parts alone, one thread each, before the stack starts (quiet machine): bare Tika's
 *       AutoDetectParser on the texts and on the PDFs, entity extraction, Lucene indexing;</li>
 *   <li>{@code bin/kamerstroom up} as its own process; a warm-up load ({@link #WARM_UP_TEXTS}), then a
 *       burst of texts and a burst of PDFs moved into the inbox at once, each timed until every
 *       document is searchable, with the CPU of every process (and of each stage's threads in the
 *       services' JVM) and the peak RSS of the whole stack;</li>
 *   <li>a steady rate of single texts: drop-to-searchable (and ingested-to-searchable) latency per
 *       document, found by one OR query over the pending documents' unique words every 20 ms;</li>
 *   <li>a producer/consumer round trip of the same texts through the stack's broker;</li>
 *   <li>bare Tika again on the same files once the stack has stopped: the bursts are compared with
 *       both bare Tika runs together.</li>
 * </ol>
 * Prints one table with the ratios and writes the figures as JSON. Run: {@code bin/kamerstroom bench
 * pipeline [--texts N] [--pdfs N] [--warmup TEXTS] [--rate DOCS_PER_S] [--seconds S] [--json FILE]}.
 */
public final class PipelineBenchmark {

    /**
     * Issue 11 compares JIT-warm figures. After one round of 1,000 texts and 100 PDFs the JIT
     * compilers still took 8 of a 2,000-text burst's 36 CPU s (C2 at level 4 on Tika, PDFBox,
     * Lucene, Kafka clients and Streams, 0.1-1.6 s per method, JFR): the stack does so much
     * different work that one round does not warm it. Rounds of fresh documents go on until the
     * compiler threads of all JVMs take under {@link #WARM_JIT_SHARE} of a round's CPU, or
     * {@link #MAX_WARM_UP_ROUNDS} were run; a round takes ~25 s. Eight were not enough: what a
     * stage calls once per document reaches C2 only after ~5,000 calls (HotSpot's
     * Tier4InvocationThreshold, raised further while the compile queue is long), and in 16 rounds
     * of 1,000 texts the services' CPU per round fell from ~6 s (rounds 4-10) to 3-4 s (12-16).
     */
    static final int WARM_UP_TEXTS = 1000;
    static final double WARM_JIT_SHARE = 0.05;
    static final int MAX_WARM_UP_ROUNDS = 24;
    private static final Duration BURST_TIMEOUT = Duration.ofMinutes(10);
    private static final String BARE_TIKA = "bare Tika, 1 thread (before + after)";

    /** The stack starts in ~30 s on a quiet machine; two stacks starting at load 40 took over 3 minutes. */
    private static final Duration STACK_START_TIMEOUT = Duration.ofMinutes(6);

    private final Options options;
    private final Path work;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Report report = new Report();

    private PipelineBenchmark(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    record Options(int texts, int pdfs, int warmup, int rate, int seconds, Path json, Path home) {
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--texts", "2000", "--pdfs", "300",
                    "--warmup", Integer.toString(WARM_UP_TEXTS), "--rate", "20", "--seconds", "30",
                    "--json", "target/pipeline-bench.json"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!values.containsKey(args[i])) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + values.keySet());
                }
                values.put(args[i], args[i + 1]);
            }
            Path home = Path.of(System.getProperty("kamerstroom.home", "")).toAbsolutePath();
            return new Options(Integer.parseInt(values.get("--texts")), Integer.parseInt(values.get("--pdfs")),
                    Integer.parseInt(values.get("--warmup")), Integer.parseInt(values.get("--rate")),
                    Integer.parseInt(values.get("--seconds")), Path.of(values.get("--json")), home);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kamerstroom-pipeline-bench");
        try {
            new PipelineBenchmark(options, work).run();
        } finally {
            BenchmarkFiles.deleteTree(work);
        }
    }

    private void run() throws Exception {
        BenchmarkFiles generator = new BenchmarkFiles(work.resolve("files"));
        List<Path> texts = generator.texts("text", 0, options.texts);
        List<Path> pdfs = generator.pdfs("pdf", 1_000_000, options.pdfs, 4_000, 96_000);
        List<Path> steady = generator.texts("steady", 2_000_000, options.rate * options.seconds);
        System.out.printf("Pipeline benchmark: %d texts (%d MB), %d PDFs of 1-24 pages (%d MB); %d cores, load %.1f%n",
                texts.size(), BenchmarkFiles.totalBytes(texts) >> 20, pdfs.size(), BenchmarkFiles.totalBytes(pdfs) >> 20,
                Runtime.getRuntime().availableProcessors(), load());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version"), "date", Instant.now().toString()));

        List<String> textContents = RawParts.read(texts);
        System.out.println("Raw parts, one thread each, before the stack starts ...");
        RawParts.Rate tikaText = RawParts.bareTika(texts);
        RawParts.Rate tikaPdf = RawParts.bareTika(pdfs);
        RawParts.Rate extraction = RawParts.extraction(textContents);
        RawParts.Rate lucene = RawParts.luceneAlone(RawParts.indexDocuments(textContents), work);

        StackRun stack = runStack(generator, texts, pdfs, steady, textContents);
        // This machine's speed drifts by up to a quarter within minutes: bare Tika runs again, on the
        // same files (now in done/) once the stack has stopped, and the bursts are compared with both.
        System.out.println("Raw parts again after the stack stopped: bare Tika ...");
        RawParts.Rate tikaTextAfter = RawParts.bareTika(stack.doneTexts());
        RawParts.Rate tikaPdfAfter = RawParts.bareTika(stack.donePdfs());
        System.out.printf("Bare Tika before / after the stack: texts %.0f / %.0f docs/s, PDFs %.0f / %.0f docs/s%n",
                tikaText.perSecond(), tikaTextAfter.perSecond(), tikaPdf.perSecond(), tikaPdfAfter.perSecond());
        RawParts.Rate tikaTextBoth = tikaText.plus(tikaTextAfter);
        RawParts.Rate tikaPdfBoth = tikaPdf.plus(tikaPdfAfter);

        report.row("TXT burst, docs/s", stack.text().perSecond(), tikaTextBoth.perSecond(), BARE_TIKA);
        report.row("PDF burst, docs/s", stack.pdf().perSecond(), tikaPdfBoth.perSecond(), BARE_TIKA);
        report.row("TXT burst, docs/s", stack.text().perSecond(), extraction.perSecond(), "extraction alone");
        report.row("TXT burst, docs/s", stack.text().perSecond(), lucene.perSecond(), "Lucene alone");
        report.row("TXT burst, docs/s", stack.text().perSecond(), stack.roundTrip().perSecond(), "broker round trip");
        report.row("TXT burst, CPU ms/doc (all processes)", stack.text().cpuMillisPerDoc(),
                tikaTextBoth.cpuMillisPerItem(), "bare Tika CPU ms/doc");
        report.row("PDF burst, CPU ms/doc (all processes)", stack.pdf().cpuMillisPerDoc(),
                tikaPdfBoth.cpuMillisPerItem(), "bare Tika CPU ms/doc");
        // The JIT's share is warm-up the stack would have paid long before in a service that runs for days.
        report.row("TXT burst, CPU ms/doc without JIT", stack.text().cpuMillisPerDocWithoutJit(),
                tikaTextBoth.cpuMillisPerItem(), "bare Tika CPU ms/doc");
        report.row("PDF burst, CPU ms/doc without JIT", stack.pdf().cpuMillisPerDocWithoutJit(),
                tikaPdfBoth.cpuMillisPerItem(), "bare Tika CPU ms/doc");
        report.print(stack.warm(), stack.text(), stack.pdf(), stack.latencies());

        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bareTikaText", tikaText);
        raw.put("bareTikaTextAfter", tikaTextAfter);
        raw.put("bareTikaPdf", tikaPdf);
        raw.put("bareTikaPdfAfter", tikaPdfAfter);
        raw.put("extraction", extraction);
        raw.put("lucene", lucene);
        raw.put("brokerRoundTrip", stack.roundTrip());
        json.put("raw", raw);
        json.put("bursts", Map.of("text", stack.text().json(), "pdf", stack.pdf().json()));
        json.put("steady", stack.latencies().json());
        json.put("ratios", report.ratios());
        Files.createDirectories(options.json.toAbsolutePath().getParent());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(options.json.toFile(), json);
        System.out.println("Figures written to " + options.json.toAbsolutePath());
    }

    /** What the benchmark measured on the running stack, and where ingest left the bursts' files. */
    private record StackRun(Burst warm, Burst text, Burst pdf, SteadyRate.Latencies latencies, RawParts.Rate roundTrip,
                            List<Path> doneTexts, List<Path> donePdfs) {
    }

    /** Starts the stack, runs the round trip, warms the stack up, runs the bursts and the steady rate, and stops it. */
    private StackRun runStack(BenchmarkFiles generator, List<Path> texts, List<Path> pdfs, List<Path> steady,
                              List<String> textContents) throws Exception {
        Path data = work.resolve("data");
        try (UpProcess up = UpProcess.start(options.home, data, work.resolve("up.log"))) {
            SearchClient search = new SearchClient(up.httpPort);
            long started = System.nanoTime();
            waitFor("the stack to answer", STACK_START_TIMEOUT, () -> search.total() >= 0 || !up.isAlive());
            check(up.isAlive(), "bin/kamerstroom up stopped; see its log " + work.resolve("up.log"));
            // The broker alone, while the services idle: after the bursts, a batch for a new topic of the
            // loaded broker once waited out its 120 s delivery timeout.
            RawParts.Rate roundTrip = RawParts.brokerRoundTrip(up.bootstrapServers(), textContents);
            System.out.printf("Stack up in %.1f s; warming up in rounds of %d texts and %d PDFs until the JIT"
                    + " compilers take under %.0f %% of a round's CPU ...%n", UpProcess.since(started).toMillis() / 1e3,
                    options.warmup, warmUpPdfs(), WARM_JIT_SHARE * 100);
            Burst warm = warmUp(generator, up, search);
            Burst textBurst = burst("TXT burst", up, search, texts);
            Burst pdfBurst = burst("PDF burst", up, search, pdfs);
            SteadyRate.Latencies latencies = new SteadyRate(up, search, options.rate).run(steady);
            return new StackRun(warm, textBurst, pdfBurst, latencies, roundTrip, up.done(texts), up.done(pdfs));
        }
    }

    private int warmUpPdfs() {
        return Math.max(1, options.warmup / 10);
    }

    /** Warm-up rounds until the JIT has settled; returns the last round. */
    private Burst warmUp(BenchmarkFiles generator, UpProcess up, SearchClient search) throws Exception {
        Burst round = null;
        for (int r = 1; r <= MAX_WARM_UP_ROUNDS; r++) {
            // Seeds apart from the measured files': an identical earlier text would be found at once.
            int seeds = 3_000_000 + r * 100_000;
            List<Path> files = concat(generator.texts("warm-text-" + r, seeds, options.warmup),
                    generator.pdfs("warm-pdf-" + r, seeds + 50_000, warmUpPdfs(), 4_000, 96_000));
            round = burst("warm-up round " + r, up, search, files);
            System.out.printf("    JIT compilers: %.1f of %.1f CPU s (%.0f %%)%n", round.jitSeconds(), round.cpuSeconds(),
                    round.jitShare() * 100);
            if (round.jitShare() < WARM_JIT_SHARE) {
                break;
            }
        }
        return round;
    }

    /** Moves every file into the inbox at once and waits until the search API counts all of them. */
    private Burst burst(String name, UpProcess up, SearchClient search, List<Path> files) throws Exception {
        long before = search.total();
        long failedBefore = up.failed();
        Map<String, Long> pids = up.processes();
        Map<String, Double> cpuBefore = cpuByProcess(pids);
        Map<String, Double> stagesBefore = ProcFs.cpuSecondsByStage(up.pid(), Stages::of);
        Map<String, Double> jvmBefore = jvmThreads(pids);
        try (RssSampler rss = new RssSampler(pids)) {
            long started = System.nanoTime();
            for (Path file : files) {
                Files.move(file, up.inbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            // A file in failed/ would never become searchable: stop waiting and say so.
            waitFor(name, BURST_TIMEOUT, () -> search.total() >= before + files.size() || !up.isAlive()
                    || up.failed() > failedBefore);
            Duration took = UpProcess.since(started);
            check(search.total() >= before + files.size(), name + ": only " + (search.total() - before) + " of "
                    + files.size() + " documents searchable, " + (up.failed() - failedBefore) + " failed; see "
                    + up.data);
            Map<String, Double> cpu = minus(cpuByProcess(pids), cpuBefore);
            Burst burst = new Burst(name, files.size(), took, cpu,
                    byStage(cpu.get(UpProcess.SERVICES), minus(ProcFs.cpuSecondsByStage(up.pid(), Stages::of), stagesBefore)),
                    minus(jvmThreads(pids), jvmBefore), rss.peakBytes(), rss.atPeak());
            System.out.printf("  %s: %d documents in %.1f s = %.0f docs/s; %.1f CPU ms/doc; peak RSS %d MB%n", name,
                    files.size(), took.toMillis() / 1e3, burst.perSecond(), burst.cpuMillisPerDoc(),
                    burst.peakRssBytes() >> 20);
            return burst;
        }
    }

    /**
     * Threads that ended during the burst (a parse thread, a rebalanced client) took their CPU time
     * out of /proc with them: "other" is what the process used beyond the threads still there.
     */
    private static Map<String, Double> byStage(double processSeconds, Map<String, Double> threadSeconds) {
        Map<String, Double> stages = new LinkedHashMap<>(threadSeconds);
        stages.remove(Stages.OTHER);
        stages.put(Stages.OTHER, processSeconds - stages.values().stream().mapToDouble(Double::doubleValue).sum());
        return stages;
    }

    /** Per process, the CPU of its GC and JIT compiler threads ("broker JIT", "registry GC" ...). */
    private static Map<String, Double> jvmThreads(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcFs.cpuSecondsByStage(pid, Stages::jvm).forEach((stage, cpu) -> {
            if (!stage.equals(Stages.OTHER)) {
                seconds.put(name + " " + stage, cpu);
            }
        }));
        return seconds;
    }

    private static Map<String, Double> cpuByProcess(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, ProcFs.cpuSeconds(pid)));
        return cpu;
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((key, value) -> delta.put(key, value - before.getOrDefault(key, 0.0)));
        return delta;
    }

    static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * Every 50 ms: under 1 % of a 300 docs/s burst of 2,000, while each check is a search the
     * services' CPU figures include (polling every 20 ms cost several CPU ms per document).
     */
    static void waitFor(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /** When ingest-service published the document (the event's ingestedAt); null if the API does not have it. */
    static Instant ingestedAt(JsonNode document) {
        return document == null || !document.hasNonNull("ingestedAt") ? null
                : Instant.parse(document.path("ingestedAt").asText());
    }
}
