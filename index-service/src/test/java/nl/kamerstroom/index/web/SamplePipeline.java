package nl.kamerstroom.index.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.common.http.Response;
import nl.kamerstroom.common.lifecycle.Service;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.enrich.EnrichService;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.index.IndexService;
import nl.kamerstroom.ingest.IngestService;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The whole pipeline on the test stack, fed the annotated sample corpus through the inbox like
 * an operator would, plus what an operator must see go wrong: a hostile HTML document whose
 * title and text carry markup, a file too large to ingest (with a hostile name) and an
 * undecodable record on documents.ingested (a dead letter). Started once per test JVM and
 * shared by the browser tests, which only read.
 */
public final class SamplePipeline implements AutoCloseable {

    public static final Path CORPUS = Path.of("../extraction/corpus/sample");
    public static final String HOSTILE_FILE = "kwaadaardig.html";
    public static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)> <script>window.__xss=1</script>";
    public static final String HOSTILE_TEXT_MARKUP = "<img src=x onerror=\"window.__xss=2\">";
    public static final String TOO_LARGE_FILE = "<img src=x onerror=alert(3)> te groot.bin";
    public static final String POISON_KEY = "onleesbaar-record";
    /** Short letters, one a month, so the entity pages have a timeline and the search results a second page. */
    public static final int MONTHLY_NOTES = 12;
    private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december"};
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final List<Service> services = new ArrayList<>();
    private final List<String> corpusFiles;
    private IndexService index;

    private SamplePipeline(Path dir, List<String> corpusFiles) {
        this.dir = dir;
        this.corpusFiles = corpusFiles;
    }

    public static SamplePipeline start(KafkaStack stack) throws Exception {
        Path dir = Files.createTempDirectory("kamerstroom-web-");
        List<String> corpus;
        try (Stream<Path> files = Files.list(CORPUS)) {
            corpus = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        }
        SamplePipeline pipeline = new SamplePipeline(dir, corpus);
        try {
            pipeline.startServices(stack);
            pipeline.feed(stack);
            pipeline.awaitIndexed();
            return pipeline;
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
    }

    private void startServices(KafkaStack stack) throws Exception {
        String run = KafkaStack.uniqueName("web");
        Map<String, String> shared = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "TOPIC_PARTITIONS", "2",
                "INSTANCE_ID", run,
                "HTTP_PORT", "0");
        IngestService ingest = new IngestService(IngestConfig.from(settings(shared, Map.of(
                "INBOX_DIR", dir.resolve("inbox").toString(), "DONE_DIR", dir.resolve("done").toString(),
                "FAILED_DIR", dir.resolve("failed").toString(), "SETTLE_TIME", "100ms", "MAX_FILE_SIZE", "1MB"))));
        startService(ingest);
        EnrichService enrich = new EnrichService(EnrichConfig.from(settings(shared, Map.of(
                "APPLICATION_ID", run + "-enrich", "STATE_DIR", dir.resolve("enrich").toString()))));
        startService(enrich);
        index = new IndexService(IndexConfig.from(settings(shared, Map.of(
                "INDEX_DIR", dir.resolve("index").toString(), "INDEX_APPLICATION_ID", run + "-index",
                "OPERATOR_SERVICES", "ingest=http://127.0.0.1:" + ingest.httpPort()
                        + ",enrich=http://127.0.0.1:" + enrich.httpPort(),
                "OPERATOR_SAMPLE_INTERVAL", "1s"))));
        startService(index);
    }

    private static Settings settings(Map<String, String> shared, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(shared);
        all.putAll(own);
        return Settings.of(all);
    }

    private void startService(Service service) throws Exception {
        services.add(service);
        service.start();
    }

    private void feed(KafkaStack stack) throws IOException {
        Path inbox = dir.resolve("inbox");
        Files.createDirectories(inbox);
        for (String file : corpusFiles) {
            Files.copy(CORPUS.resolve(file), inbox.resolve(file));
        }
        for (int i = 0; i < MONTHLY_NOTES; i++) {
            Files.writeString(inbox.resolve("maandbrief-" + (i + 1) + ".txt"), """
                    Datum %d %s 2024

                    Maandbrief %d over de steun aan Oekraïne. De minister van Buitenlandse Zaken meldt dat
                    Nederland en Duitsland %d miljoen euro bijdragen.%s
                    """.formatted(i + 3, MONTHS[i], i + 1, 10 * (i + 1),
                    i % 3 == 1 ? " Zie de motie-Kuzu (Kamerstuk 36045, nr. 53) over de begrotingen." : ""));
        }
        Files.writeString(inbox.resolve(HOSTILE_FILE), """
                <!DOCTYPE html><html><head><title>%s</title></head><body>
                <p>Kwaadaardige tekst: %s en &lt;script&gt;window.__xss=3&lt;/script&gt; in een brief van de
                minister van Buitenlandse Zaken over Oekraïne.</p></body></html>
                """.formatted(escape(HOSTILE_TITLE), escape(HOSTILE_TEXT_MARKUP)));
        Files.write(inbox.resolve(TOO_LARGE_FILE), new byte[2 * 1024 * 1024]);
        try (var producer = new KafkaProducer<byte[], byte[]>(stack.producerProps())) {
            producer.send(new ProducerRecord<>(Topics.INGESTED, POISON_KEY.getBytes(StandardCharsets.UTF_8),
                    "geen Avro".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void awaitIndexed() throws Exception {
        List<String> files = new ArrayList<>(corpusFiles);
        files.add(HOSTILE_FILE);
        for (int i = 0; i < MONTHLY_NOTES; i++) {
            files.add("maandbrief-" + (i + 1) + ".txt");
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String file : files) {
            while (api("/api/search?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8)).path("total").asLong() != 1) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not indexed within " + TIMEOUT + ": " + file);
                }
                Thread.sleep(250);
            }
        }
    }

    /** The search page's address. */
    public String url() {
        return "http://127.0.0.1:" + index.httpPort();
    }

    public List<String> corpusFiles() {
        return corpusFiles;
    }

    /** Drops {@code text} into the inbox as {@code file} and waits until the search finds it; answers its id. */
    public String ingest(String file, String text) throws Exception {
        Files.writeString(dir.resolve("inbox").resolve(file), text);
        String search = "/api/search?file=" + URLEncoder.encode(file, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode found = api(search);
        while (found.path("total").asLong() != 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not indexed within " + TIMEOUT + ": " + file);
            }
            Thread.sleep(250);
            found = api(search);
        }
        return found.path("hits").path(0).path("id").asText();
    }

    /** An API answer as JSON (any status). */
    public JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Response.JSON.readTree(response.body());
    }

    @Override
    public void close() throws IOException {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
