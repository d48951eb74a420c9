package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.kamerstroom.testkit.KafkaStack;
import nl.kamerstroom.testkit.WithKafkaStack;
import nl.kamerstroom.topic.Topics;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker compose up --scale enrich=2}, without Docker: two enrich processes with the
 * environment docker-compose.yml gives them, sharing one folder as the shared {@code enrich-state}
 * volume, each with its own host name as a container has. Both reach RUNNING and split the
 * partitions; a third with the host name of the first (its state directory locked) fails at once
 * and says which setting to change (issue 16).
 */
@WithKafkaStack
class ScaledEnrichIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile("enrich-service started: .* HTTP port (\\d+)");
    private static final List<String> HOSTS = List.of("3f2a9c1d04be", "8b71e0c2d9a4");

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void twoInstancesOnOneStateVolumeBothRunAndSplitThePartitions(KafkaStack stack) throws Exception {
        String applicationId = KafkaStack.uniqueName("kamerstroom-enrich");
        Path volume = Files.createDirectories(dir.resolve("enrich-state"));
        List<LauncherProcess> instances = new ArrayList<>();
        try {
            for (String host : HOSTS) {
                instances.add(LauncherProcess.start(dir, host, composeEnvironment(stack, applicationId, volume, host), "enrich"));
            }
            for (LauncherProcess instance : instances) {
                instance.awaitOutput("enrich-service started", START_TIMEOUT);
                assertThat(healthStatus(instance)).isEqualTo(200);
            }
            waitForSplit(stack, applicationId);
            Map<String, Set<Integer>> partitions = ingestedPartitionsByMember(stack, applicationId);
            assertThat(partitions).hasSize(2);
            assertThat(partitions.values()).allSatisfy(assigned -> assertThat(assigned).isNotEmpty());
            assertThat(partitions.values().stream().flatMap(Set::stream).toList())
                    .containsExactlyInAnyOrder(0, 1, 2);
            for (String host : HOSTS) {
                assertThat(volume.resolve(host)).as("state directory of %s", host).isDirectory();
            }

            try (LauncherProcess sameHost = LauncherProcess.start(dir, "same-host",
                    composeEnvironment(stack, applicationId, volume, HOSTS.getFirst()), "enrich")) {
                assertThat(sameHost.awaitExit(Duration.ofMinutes(2))).isTrue();
                assertThat(sameHost.exitCode()).isEqualTo(1);
                assertThat(sameHost.stderr().lines().filter(line -> line.startsWith("kamerstroom:")).toList())
                        .singleElement().asString()
                        .startsWith("kamerstroom: enrich could not start: the state directory "
                                + volume.resolve(HOSTS.getFirst()) + " is locked by another enrich instance; give every "
                                + "instance its own INSTANCE_ID (state lives in STATE_DIR/INSTANCE_ID) or its own STATE_DIR");
            }
            for (LauncherProcess instance : instances) {
                instance.signal("TERM");
            }
            for (LauncherProcess instance : instances) {
                assertThat(instance.awaitExit(Duration.ofSeconds(30))).isTrue();
                assertThat(instance.exitCode()).as("exit code after SIGTERM").isEqualTo(143);
            }
        } finally {
            instances.forEach(LauncherProcess::close);
        }
    }

    /**
     * What docker-compose.yml sets for enrich, with this stack's addresses, the shared folder as the
     * volume, and the host name Docker gives each container (its id) in HOSTNAME. Both instances run
     * on this host, so each takes a free HTTP port rather than compose's 8092.
     */
    private static Map<String, String> composeEnvironment(KafkaStack stack, String applicationId, Path volume, String host)
            throws Exception {
        Map<String, String> environment = new HashMap<>(ComposeFile.load().environment("enrich"));
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl(),
                "APPLICATION_ID", applicationId,
                "STATE_DIR", volume.toString(),
                "HTTP_BIND", "127.0.0.1",
                "HTTP_PORT", "0",
                "HOSTNAME", host));
        return environment;
    }

    private int healthStatus(LauncherProcess instance) throws Exception {
        Matcher started = STARTED.matcher(instance.stdout());
        assertThat(started.find()).isTrue();
        URI health = URI.create("http://127.0.0.1:" + started.group(1) + "/health");
        return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void waitForSplit(KafkaStack stack, String applicationId) throws Exception {
        long deadline = System.nanoTime() + REBALANCE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Set<Integer>> partitions = ingestedPartitionsByMember(stack, applicationId);
            if (partitions.size() == 2 && partitions.values().stream().noneMatch(Set::isEmpty)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /** The partitions of documents.ingested each member of the Streams group has, by member id. */
    private static Map<String, Set<Integer>> ingestedPartitionsByMember(KafkaStack stack, String applicationId)
            throws Exception {
        ConsumerGroupDescription group = stack.admin().describeConsumerGroups(List.of(applicationId))
                .describedGroups().get(applicationId).get(30, TimeUnit.SECONDS);
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (MemberDescription member : group.members()) {
            Set<Integer> ingested = new TreeSet<>();
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                if (partition.topic().equals(Topics.INGESTED)) {
                    ingested.add(partition.partition());
                }
            }
            partitions.put(member.consumerId(), ingested);
        }
        return partitions;
    }
}
