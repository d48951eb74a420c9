package nl.kamerstroom.benchmarks.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.embedded.KafkaBroker;
import nl.kamerstroom.embedded.SchemaRegistryServer;
import nl.kamerstroom.ingest.config.IngestConfig;

/**
 * Files per second and MB per second through ingest-service (inbox → claim → hash → Tika → Avro →
 * acks=all on a real embedded broker → done/), next to bare Tika parsing of the same files in
 * the same run with as many threads as the service parses with. The ratio is what the pipeline
 * costs over the parser. Two sets: ~20 KB Dutch text files and PDFs of the same text. Each set's
 * first tenth warms up both paths; Tika is then timed before and after the service (the better
 * run counts), and the service is idle while Tika runs. Last, Tika's AutoDetectParser alone (no
 * limits, no language) parses the same files: the CPU reference that stays put when the
 * service's extractor changes.
 *
 * <p>Settings come from the environment like the service's own (PARSE_THREADS, ...); the
 * benchmark sets SETTLE_TIME=100ms unless told otherwise, so the figure measures the pipeline and
 * not the settle policy. Run: {@code java -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
 * nl.kamerstroom.benchmarks.ingest.IngestBenchmark [TEXT_FILES] [PDF_FILES]}.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int textFiles = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int pdfFiles = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path work = Files.createTempDirectory("kamerstroom-ingest-bench");
        try (KafkaBroker broker = KafkaBroker.builder().heap("768m").build();
             SchemaRegistryServer registry = SchemaRegistryServer.builder().build()) {
            CompletableFuture.allOf(CompletableFuture.runAsync(broker::start),
                    CompletableFuture.runAsync(registry::start)).join();
            Settings settings = Settings.of(Map.of("SETTLE_TIME", "100ms")).with(System.getenv()).with(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "SCHEMA_REGISTRY_URL", registry.url(),
                    "INSTANCE_ID", "bench", "TOPIC_PARTITIONS", "3", "HTTP_PORT", "0"));
            BenchmarkFiles files = new BenchmarkFiles(work.resolve("sources"));
            CpuMeter cpu = new CpuMeter(broker.pid());
            List<Result> results = List.of(
                    measure("20 KB text", files.texts(textFiles), work.resolve("text"), settings, cpu),
                    measure("PDF", files.pdfs(pdfFiles), work.resolve("pdf"), settings, cpu));
            System.out.println();
            System.out.println("Wall clock (files/s, MB/s of input) and CPU ms per file (this JVM + broker), "
                    + "service vs its bare extractor; ratio = service / extractor time; autodetect = Tika's "
                    + "AutoDetectParser alone, text only");
            System.out.printf("%-11s %6s %8s %8s %8s %9s %6s %9s %9s %9s %6s %10s%n", "files", "count", "svc f/s",
                    "svc MB/s", "tika f/s", "tika MB/s", "ratio", "svc cpu", "(broker)", "tika cpu", "ratio",
                    "autodetect");
            results.forEach(r -> System.out.println(r.line()));
        } finally {
            BenchmarkFiles.deleteTree(work);
        }
    }

    private static Result measure(String name, List<Path> files, Path root, Settings base, CpuMeter cpu)
            throws Exception {
        int warmup = Math.max(20, files.size() / 10);
        List<Path> warm = files.subList(0, warmup);
        List<Path> measured = files.subList(warmup, files.size());
        long bytes = BenchmarkFiles.totalBytes(measured);
        Settings settings = base.with(Map.of("INBOX_DIR", root.resolve("inbox").toString(),
                "DONE_DIR", root.resolve("done").toString(), "FAILED_DIR", root.resolve("failed").toString()));
        IngestConfig config = IngestConfig.from(settings);
        BareTika tika = new BareTika(config);
        Duration tikaTime;
        Duration tikaCpu;
        Duration serviceTime;
        CpuMeter.Reading serviceCpu;
        Duration plainCpu;
        try (ServiceRun service = ServiceRun.start(config)) {
            // Both warm up before either is measured, so neither profits from the other's JIT work;
            // Tika runs before and after the service (on the files in done/) and its better run counts.
            tika.parseAll(warm);
            tika.parsePlainAll(warm);
            service.ingest(warm);
            CpuMeter.Reading start = cpu.now();
            Duration tikaBefore = tika.parseAll(measured);
            CpuMeter.Reading middle = cpu.now();
            List<Path> done = measured.stream().map(f -> config.doneDir().resolve(f.getFileName())).toList();
            serviceTime = service.ingest(measured);
            CpuMeter.Reading afterService = cpu.now();
            Duration tikaAfter = tika.parseAll(done);
            CpuMeter.Reading end = cpu.now();
            serviceCpu = afterService.minus(middle);
            tika.parsePlainAll(done);
            CpuMeter.Reading plainEnd = cpu.now();
            tikaTime = min(tikaBefore, tikaAfter);
            tikaCpu = min(middle.minus(start).total(), end.minus(afterService).total());
            plainCpu = plainEnd.minus(end).total();
        }
        return new Result(name, measured.size(), bytes, serviceTime, tikaTime, serviceCpu, tikaCpu, plainCpu);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    record Result(String name, int files, long bytes, Duration service, Duration tika,
                  CpuMeter.Reading serviceCpu, Duration tikaCpu, Duration plainCpu) {
        String line() {
            double svc = service.toNanos() / 1e9;
            double bare = tika.toNanos() / 1e9;
            double svcCpu = serviceCpu.total().toNanos() / 1e6 / files;
            double brokerCpu = serviceCpu.broker().toNanos() / 1e6 / files;
            double bareCpu = tikaCpu.toNanos() / 1e6 / files;
            double autodetectCpu = plainCpu.toNanos() / 1e6 / files;
            return String.format("%-11s %6d %8.1f %8.2f %8.1f %9.2f %5.2fx %9.2f %9.2f %9.2f %5.2fx %10.2f", name,
                    files, files / svc, bytes / svc / 1e6, files / bare, bytes / bare / 1e6, svc / bare, svcCpu,
                    brokerCpu, bareCpu, svcCpu / bareCpu, autodetectCpu);
        }
    }
}
