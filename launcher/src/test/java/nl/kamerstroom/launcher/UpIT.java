package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.launcher.up.SingleMachineStack;
import nl.kamerstroom.launcher.up.UpConfig;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kamerstroom up} end to end, in process: the whole stack on free ports in a temp folder,
 * a document through the inbox into the search index, a restart on the same folder that keeps
 * the document and duplicates nothing. While the stack runs it also checks that every metric the
 * Grafana dashboard queries is one the services really export, and that downstream consumers in
 * Node.js and Python read the index topic as the pipeline writes it.
 */
class UpIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration METRICS_TIMEOUT = Duration.ofSeconds(90);
    private static final String WORD = "zonnepanelenregeling";
    private static final Pattern ENRICH_CAUGHT_UP = Pattern.compile(
            "(?s).*\\ndocuments\\.ingested\\s[^\\n]*\\n(?:\\s+group [^\\n]*\\n)*?\\s+group kamerstroom-enrich\\s+committed\\s+\\d+\\s+lag\\s+0\\n.*");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void documentIsSearchableAndSurvivesARestartWithoutDuplicates() throws Exception {
        UpConfig config = UpConfig.from(Settings.of(Map.of(
                UpConfig.DATA.name(), data.toString(),
                UpConfig.HTTP_PORT.name(), "0", UpConfig.KAFKA_PORT.name(), "0", UpConfig.REGISTRY_PORT.name(), "0")));
        // Files settle faster than the default so the test spends its time on the pipeline.
        Settings environment = Settings.of(Map.of("SETTLE_TIME", "100ms", "INSTANCE_ID", "up-it"));

        try (SingleMachineStack stack = SingleMachineStack.start(config, environment)) {
            report("first start", stack);
            drop(config.inbox(), "kamerbrief.txt", "Kamerbrief over de " + WORD
                    + " van het Ministerie van Financiën: 300 miljoen euro voor Oekraïne.");
            sendPoisonRecord(stack);
            waitUntil("document searchable", () -> searchTotal(stack) == 1);
            assertThat(searchTotal(stack)).isEqualTo(1);
            downstreamConsumersReadTheIndexTopic(stack);
            waitUntil("/api/health 200", () -> status(stack.searchUrl() + "api/health") == 200);
            assertThat(status(stack.searchUrl() + "api/health")).isEqualTo(200);
            assertThat(Files.exists(config.done().resolve("kamerbrief.txt"))).isTrue();

            // Micrometer's Kafka binders look for new client metrics (per-partition lag, ...) once a
            // minute, so the last of them can take that long to appear after the clients start:
            // checked in this first run, where the wait overlaps the checks above.
            Set<String> wanted = DashboardQueries.load().metricNames();
            waitUntil("every dashboard metric exported", METRICS_TIMEOUT, () -> exportedMetrics(stack).containsAll(wanted));
            assertThat(exportedMetrics(stack)).containsAll(wanted);
        }

        try (SingleMachineStack stack = SingleMachineStack.start(config, environment)) {
            report("restart", stack);
            waitUntil("/api/health 200 after restart", () -> status(stack.searchUrl() + "api/health") == 200);
            assertThat(status(stack.searchUrl() + "api/health")).isEqualTo(200);
            assertThat(searchTotal(stack)).isEqualTo(1);

            // Nothing was published, enriched or parked twice across the restart: one document (plus
            // the poison record) ingested, one enriched and indexed, the poison record parked once on
            // the dead-letter topic.
            assertThat(status(stack)).containsPattern("ingested\\s+documents.ingested\\s+2\\s+2")
                    .containsPattern("enriched\\s+documents.enriched\\s+1\\s+1")
                    .containsPattern("indexed\\s+documents.index\\s+\\d+\\s+1")
                    .containsPattern("dlq\\s+documents.dlq\\s+1\\s+1");
            // The enrich-service's consumer group has read everything ingested.
            waitUntil("enrich lag 0", () -> ENRICH_CAUGHT_UP.matcher(cli(stack, "topics")).matches());
            assertThat(cli(stack, "topics")).matches(ENRICH_CAUGHT_UP);

            // The operator view reaches every part under `up`, with nothing else installed.
            JsonNode operator = json.readTree(get(stack.searchUrl() + "api/operator").body());
            assertThat(operator.get("health")).extracting(part -> part.get("name").asText())
                    .containsExactly("broker", "registry", "ingest", "enrich", "index");
            assertThat(operator.get("health")).allSatisfy(part -> assertThat(part.get("up").asBoolean()).isTrue());
            assertThat(operator.get("deadLetters")).extracting(letter -> letter.get("key").asText()).containsExactly("poison");
            assertThat(get(stack.searchUrl() + "operator").statusCode()).isEqualTo(200);
        }
    }

    /** The index topic as a Node.js and a Python service read it: zstd, read_committed, Confluent wire format. */
    private static void downstreamConsumersReadTheIndexTopic(SingleMachineStack stack) throws Exception {
        JsonNode fromNode = DownstreamConsumers.node(stack.bootstrapServers(), stack.registryUrl(), Topics.INDEX, 1)
                .getFirst();
        JsonNode document = fromNode.path("value");
        assertThat(document.path("id").asText()).isEqualTo(fromNode.path("key").asText()).hasSize(64);
        assertThat(document.path("fileName").asText()).isEqualTo("kamerbrief.txt");
        assertThat(document.path("text").asText()).contains(WORD);
        assertThat(document.path("summary").path("ministryIds").get(0).asText()).isEqualTo("FIN");
        assertThat(document.path("summary").path("countryIds").get(0).asText()).isEqualTo("UA");
        JsonNode amount = document.path("entities").path("amounts").get(0);
        assertThat(DownstreamConsumers.decimal(amount.path("value"), 2)).isEqualByComparingTo("300000000");

        for (List<JsonNode> fromPython : DownstreamConsumers.python(stack.bootstrapServers(), stack.registryUrl(),
                Topics.INDEX, 1).stream().toList()) {
            JsonNode record = fromPython.getFirst();
            assertThat(record.path("key").asText()).isEqualTo(fromNode.path("key").asText());
            assertThat(record.path("value").path("text").asText()).isEqualTo(document.path("text").asText());
            assertThat(record.path("value").path("entities").path("amounts").get(0).path("value").asText())
                    .isEqualTo("300000000.00");
        }
    }

    private static void drop(Path inbox, String name, String text) throws Exception {
        // Written beside the inbox and moved in, so the service never sees a half-written file.
        Path staging = Files.writeString(inbox.resolveSibling(name + ".tmp"), text, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A record that is not Avro: the enrich-service must park it on the dead-letter topic. */
    private static void sendPoisonRecord(SingleMachineStack stack) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INGESTED, "poison".getBytes(), "not avro".getBytes())).get();
        }
    }

    private long searchTotal(SingleMachineStack stack) throws Exception {
        HttpResponse<String> response = get(stack.searchUrl() + "api/search?q=" + WORD);
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode answer = json.readTree(response.body());
        return answer.path("total").asLong(-1);
    }

    /** Metric names in the three services' Prometheus scrapes. */
    private Set<String> exportedMetrics(SingleMachineStack stack) throws Exception {
        Set<String> names = new HashSet<>();
        for (String url : stack.metricsUrls().values()) {
            for (String line : get(url).body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
        }
        return names;
    }

    private static String status(SingleMachineStack stack) {
        return cli(stack, "status");
    }

    private static String cli(SingleMachineStack stack, String command) {
        StringWriter out = new StringWriter();
        int exit = Kamerstroom.commandLine().setOut(new PrintWriter(out))
                .execute(command, "--bootstrap-servers", stack.bootstrapServers());
        assertThat(exit).isZero();
        return out.toString();
    }

    private int status(String url) throws Exception {
        return get(url).statusCode();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the check to hold, at most the timeout; the caller asserts afterwards. */
    private static void waitUntil(String what, Check check) throws Exception {
        waitUntil(what, TIMEOUT, check);
    }

    private static void waitUntil(String what, Duration timeout, Check check) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                System.out.printf("UpIT: gave up waiting for %s after %s%n", what, timeout);
                return; // the assertion after the wait says what is wrong
            }
            Thread.sleep(250);
        }
        System.out.printf("UpIT: %s after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
    }

    /** Figures for the report: start-up time and resident memory of this JVM plus the broker and registry. */
    private static void report(String phase, SingleMachineStack stack) throws Exception {
        long rssKb = rssKb(ProcessHandle.current().pid());
        for (long pid : stack.childPids()) {
            rssKb += rssKb(pid);
        }
        System.out.printf("UpIT %s: started in %d ms, RSS of the stack %d MB%n", phase, stack.startMillis(), rssKb / 1024);
    }

    private static long rssKb(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
