package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Downstream services written by someone else, reading the running pipeline's topics as they are
 * (zstd-compressed, transactional, Confluent wire format): Node.js with kafkajs and Confluent's
 * JavaScript registry client ({@code src/test/js}), and Python with Confluent's librdkafka client
 * from Debian ({@code src/test/python}). Each prints one JSON line per record.
 */
final class DownstreamConsumers {

    private static final Path JS = Path.of("src/test/js");
    private static final Path PYTHON = Path.of("src/test/python");
    /** Debian's interpreter: its python3-confluent-kafka and python3-avro are what the check needs. */
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DownstreamConsumers() {}

    static List<JsonNode> node(String bootstrap, String registryUrl, String topic, int count) throws Exception {
        return run(JS, List.of("node", "consume.js", bootstrap, registryUrl, topic, Integer.toString(count)));
    }

    /** Empty, with the reason printed, where Debian's Python Kafka packages are missing (.ci/run installs them). */
    static Optional<List<JsonNode>> python(String bootstrap, String registryUrl, String topic, int count)
            throws Exception {
        Process probe = new ProcessBuilder(DEBIAN_PYTHON, "-c", "import confluent_kafka.schema_registry, avro.io")
                .redirectErrorStream(true).start();
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            System.out.println("Python consumer check SKIPPED: install python3-confluent-kafka, python3-requests and "
                    + "python3-avro from Debian");
            return Optional.empty();
        }
        return Optional.of(run(PYTHON,
                List.of(DEBIAN_PYTHON, "consume.py", bootstrap, registryUrl, topic, Integer.toString(count))));
    }

    /** An Avro decimal as the Node.js consumer prints it: big-endian two's-complement unscaled bytes in hex. */
    static BigDecimal decimal(JsonNode hexBytes, int scale) {
        return new BigDecimal(new BigInteger(HexFormat.of().parseHex(hexBytes.path("$bytes").asText())), scale);
    }

    private static List<JsonNode> run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("consumer", ".jsonl");
        Path errors = Files.createTempFile("consumer", ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String err = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished; stderr: %s", command, err).isTrue();
        assertThat(process.exitValue()).as("%s exit code; stderr: %s", command, err).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
