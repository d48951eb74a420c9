package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst of texts at the size cut, dropped at once into {@code kamerstroom up} running in its own
 * JVM with a small heap: every one is done and searchable, and the services never run out of heap
 * (the JVM exits on OutOfMemoryError, as bin/kamerstroom's does). What is held per stage is bounded
 * in documents, not bytes (Streams' read-ahead, the store's polls), so the burst is larger than
 * those bounds. Scaled down to run in CI: texts cut at 2 million characters and a 192 MB heap; the
 * README gives the full-size run (texts of 10 million characters, the default heap).
 */
class HugeTextBurstIT {

    private static final Logger LOG = LoggerFactory.getLogger(HugeTextBurstIT.class);
    private static final int TEXTS = 16;
    private static final int MAX_TEXT_CHARS = 2_000_000;
    private static final List<String> HEAP = List.of("-Xmx192m", "-Xmn48m");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration BURST_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern SEARCH_URL = Pattern.compile("Search\\s+(http://\\S+/)");
    private static final Pattern FULL_GC = Pattern.compile("Pause Full .*->(\\d+)M\\(");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyHugeTextOfABurstIsSearchableWithoutRunningOutOfHeap() throws Exception {
        Path data = dir.resolve("data");
        Path gcLog = dir.resolve("gc.log");
        List<String> jvm = new ArrayList<>(HEAP);
        jvm.add("-Xlog:gc:file=" + gcLog);
        try (LauncherProcess up = LauncherProcess.start(dir, "up", jvm, Map.of("INSTANCE_ID", "huge-burst-it",
                "MAX_TEXT_CHARS", Integer.toString(MAX_TEXT_CHARS), "SETTLE_TIME", "100ms"), "up",
                "--data", data.toString(), "--http-port", "0", "--kafka-port", "0", "--registry-port", "0")) {
            up.awaitOutput("Press Ctrl-C to stop.", START_TIMEOUT);
            Matcher url = SEARCH_URL.matcher(up.stdout());
            assertThat(url.find()).as("search URL in the output").isTrue();
            String search = url.group(1);

            dropAtOnce(data);

            long deadline = System.nanoTime() + BURST_TIMEOUT.toNanos();
            do {
                Thread.sleep(500);
                assertThat(up.isAlive()).as("services alive (they exit on OutOfMemoryError); stderr: %s%n%s",
                        up.stderr(), up.stdoutTail(40)).isTrue();
                assertThat(System.nanoTime()).as("all %d texts searchable within %s", TEXTS, BURST_TIMEOUT)
                        .isLessThan(deadline);
            } while (searchTotal(search, "kamerstroomburst") < TEXTS);

            for (int i = 0; i < TEXTS; i++) {
                assertThat(searchTotal(search, marker(i))).as("hits for text %d", i).isEqualTo(1);
            }
            try (Stream<Path> done = Files.list(data.resolve("done"))) {
                assertThat(done.count()).isEqualTo(TEXTS);
            }
            assertThat(up.isAlive()).isTrue();
            assertThat(up.stdout()).doesNotContain("OutOfMemoryError");
            LOG.info("{} texts of {} characters searchable; heap after full collections at most {} MB", TEXTS,
                    MAX_TEXT_CHARS, maxAfterFullGc(gcLog));
        }
    }

    /** Written beside the inbox, then moved in together, as a copy of a folder would arrive. */
    private static void dropAtOnce(Path data) throws IOException {
        Path staging = Files.createDirectories(data.resolve("staging"));
        Random random = new Random(11);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            written.add(Files.writeString(staging.resolve("woo-besluit-" + i + ".txt"), text(i, random),
                    StandardCharsets.UTF_8));
        }
        for (Path file : written) {
            Files.move(file, data.resolve("inbox").resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Beyond the cut, made of random words so it compresses like prose (~3x with zstd): a text that
     * compressed far better would make the fetch limits, which count compressed bytes, look tighter.
     */
    private static String text(int index, Random random) {
        StringBuilder text = new StringBuilder(MAX_TEXT_CHARS + 200_000);
        text.append("Woo-besluit ").append(marker(index)).append(" kamerstroomburst van het Ministerie van Financiën.\n");
        while (text.length() < MAX_TEXT_CHARS + 100_000) {
            for (int word = 0; word < 12; word++) {
                int letters = 3 + random.nextInt(9);
                for (int c = 0; c < letters; c++) {
                    text.append((char) ('a' + random.nextInt(20)));
                }
                text.append(' ');
            }
            text.append("€ ").append(random.nextInt(100_000)).append(" miljoen.\n");
        }
        return text.toString();
    }

    private static String marker(int index) {
        return "burstmarker" + (char) ('a' + index / 26) + (char) ('a' + index % 26);
    }

    /** -1 when the search does not answer (the caller then asks whether the services are still alive). */
    private long searchTotal(String search, String word) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(search + "api/search?q=" + word))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warn("Search did not answer: {}", e.toString());
            return -1;
        }
        if (response.statusCode() != 200) {
            return -1;
        }
        JsonNode answer = json.readTree(response.body());
        return answer.path("total").asLong(-1);
    }

    private static long maxAfterFullGc(Path gcLog) throws IOException {
        return Files.readAllLines(gcLog).stream().map(FULL_GC::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
    }
}
