package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.kamerstroom.common.config.HttpConfig;
import nl.kamerstroom.common.config.KafkaConfig;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.launcher.settings.SettingsCatalog;
import nl.kamerstroom.serde.AvroSerdeConfig;
import nl.kamerstroom.topic.Topic;
import nl.kamerstroom.topic.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No Docker engine runs where the tests run, so this checks docker-compose.yml against the code
 * instead: the settings each service really reads (its {@code SETTINGS}), the topics it declares
 * ({@link Topics}), the ports it serves on, and the Prometheus targets. Whether the Grafana
 * queries name exported metrics is checked against a running stack in {@code UpIT}.
 */
class ComposeConsistencyTest {

    private static final Pattern CREATE_TOPIC = Pattern.compile("^\\s*create\\s+(\\S+)((?:\\s+\\S+=\\S+)*)\\s*$", Pattern.MULTILINE);

    /** The folders each service keeps for one instance alone, as its configuration resolves them. */
    private static final Map<String, Function<Settings, List<Path>>> INSTANCE_STATE = Map.of(
            "ingest", settings -> List.of(IngestConfig.from(settings).claimedDir()),
            "enrich", settings -> List.of(EnrichConfig.from(settings).instanceStateDir()),
            "index", settings -> List.of(IndexConfig.from(settings).luceneDir(), IndexConfig.from(settings).streamsStateDir()));

    private static ComposeFile compose;

    @BeforeAll
    static void load() throws IOException {
        compose = ComposeFile.load();
    }

    static Stream<String> services() {
        return SettingsCatalog.services().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyVariableSetIsOneTheServiceReads(String service) {
        assertThat(compose.environment(service).keySet())
                .as("variables of %s in docker-compose.yml that %s-service does not read (typo?)", service, service)
                .isSubsetOf(names(SettingsCatalog.services().get(service)));
    }

    @ParameterizedTest
    @MethodSource("services")
    void everySettingWithoutDefaultIsSet(String service) {
        List<String> required = SettingsCatalog.services().get(service).stream()
                .filter(s -> s.defaultValue() == null).map(Setting::name).toList();
        assertThat(compose.environment(service).keySet()).containsAll(required);
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyFolderIsOnAVolume(String service) {
        // A default such as data/index is relative to the image's working directory, which is
        // neither writable nor kept: every folder setting must point into a mounted volume.
        Map<String, String> env = compose.environment(service);
        List<String> mounts = compose.mountTargets(service);
        for (Setting<?> setting : SettingsCatalog.services().get(service)) {
            if ("path".equals(setting.type())) {
                String value = env.getOrDefault(setting.name(), setting.defaultValue());
                assertThat(mounts).as("%s %s=%s lies on a volume", service, setting.name(), value)
                        .anyMatch(mount -> value.equals(mount) || value.startsWith(mount + "/"));
            }
        }
    }

    /**
     * Issue 16: instances of a scaled service share its volumes, so each must keep its local state
     * in folders of its own (Kafka Streams and Lucene lock theirs; claims are per instance). Built
     * from compose's environment for two containers, whose host names (Docker: the container id)
     * are their default INSTANCE_ID, no state folder of one may be, or lie inside, one of the other.
     */
    @ParameterizedTest
    @MethodSource("services")
    void scaledInstancesNeverShareAStateFolder(String service) {
        assumeTrue(compose.scalable(service), service + " publishes a fixed host port: compose runs one instance");
        List<Path> first = INSTANCE_STATE.get(service).apply(containerSettings(service, "3f2a9c1d04be"));
        List<Path> second = INSTANCE_STATE.get(service).apply(containerSettings(service, "8b71e0c2d9a4"));
        for (Path path : first) {
            assertThat(second).as("state folders of a second %s instance beside %s", service, path)
                    .noneMatch(other -> other.startsWith(path) || path.startsWith(other));
        }
    }

    @Test
    void everyServiceSaysWhereItKeepsInstanceState() {
        assertThat(INSTANCE_STATE).containsOnlyKeys(SettingsCatalog.services().keySet());
    }

    private static Settings containerSettings(String service, String hostName) {
        return Settings.of(compose.environment(service)).with(Map.of(KafkaConfig.INSTANCE_ID.name(), hostName));
    }

    @ParameterizedTest
    @MethodSource("services")
    void servicesReachTheBrokerAndRegistryInsideTheNetwork(String service) {
        Map<String, String> env = compose.environment(service);
        assertThat(env).containsEntry(HttpConfig.HTTP_BIND.name(), "0.0.0.0")
                .containsEntry(KafkaConfig.BOOTSTRAP_SERVERS.name(), kafkaListeners().get(interBrokerListener()))
                .containsEntry(KafkaConfig.SCHEMA_REGISTRY_URL.name(), "http://schema-registry:" + registryPort());
        assertThat(env.getOrDefault(KafkaConfig.TOPIC_PARTITIONS.name(), KafkaConfig.TOPIC_PARTITIONS.defaultValue()))
                .as("partitions the service would create topics with, as the topics service does")
                .isEqualTo(compose.environment("topics").get(KafkaConfig.TOPIC_PARTITIONS.name()));
    }

    @ParameterizedTest
    @MethodSource("services")
    void httpPortIsPublishedAndHealthChecked(String service) {
        int port = httpPort(service);
        assertThat(compose.containerPorts(service)).contains(port);
        assertThat(compose.healthcheck(service)).contains("http://localhost:" + port + "/health");
    }

    @ParameterizedTest
    @MethodSource("services")
    void commandRunsTheServiceWithTheLauncher(String service) {
        assertThat(compose.command(service)).isEqualTo(service);
        assertThat(Kamerstroom.commandLine().getSubcommands()).containsKey(service);
        assertThat(compose.service(service)).containsKey("build");
    }

    @Test
    void topicsServiceCreatesEveryDeclaredTopicWithItsSettings() {
        Map<String, Map<String, String>> created = new HashMap<>();
        Matcher line = CREATE_TOPIC.matcher(compose.command("topics"));
        while (line.find()) {
            Map<String, String> config = new HashMap<>();
            for (String setting : line.group(2).trim().split("\\s+")) {
                String[] kv = setting.split("=", 2);
                config.put(kv[0], kv[1]);
            }
            created.put(line.group(1), config);
        }
        Map<String, Map<String, String>> declared = Topics.create(new AvroSerdeConfig("mock://compose-test", true, false))
                .all().stream().collect(Collectors.toMap(Topic::name, Topic::config));
        assertThat(created).isEqualTo(declared);
    }

    @Test
    void brokerNeverCreatesTopicsImplicitlyAndKeepsItsListenersApart() {
        Map<String, String> kafka = compose.environment("kafka");
        assertThat(kafka).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        Map<String, String> listeners = kafkaListeners();
        assertThat(listeners).hasSize(2);
        String internal = listeners.get(interBrokerListener());
        String host = listeners.entrySet().stream().filter(e -> !e.getKey().equals(interBrokerListener()))
                .findFirst().orElseThrow().getValue();
        assertThat(internal).startsWith("kafka:");
        assertThat(host).startsWith("localhost:");
        assertThat(compose.containerPorts("kafka")).containsExactly(port(host));
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        compose.services().keySet().forEach(service -> {
            String image = compose.image(service);
            assertThat(image).as("image of %s", service).isNotNull();
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as("image of %s", service).contains(":").doesNotEndWith(":latest").containsPattern(":v?\\d");
        });
    }

    @Test
    void prometheusScrapesEveryServiceOnItsPort() throws IOException {
        Map<String, Object> prometheus = ComposeFile.yaml(ComposeFile.repositoryRoot().resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Integer> targets = new HashMap<>();
        for (Object job : ComposeFile.list(prometheus.get("scrape_configs"))) {
            for (Object discovery : ComposeFile.list(ComposeFile.map(job).get("dns_sd_configs"))) {
                Map<String, Object> dns = ComposeFile.map(discovery);
                for (Object name : ComposeFile.list(dns.get("names"))) {
                    targets.put(name.toString(), (Integer) dns.get("port"));
                }
            }
        }
        assertThat(compose.services()).containsKeys(targets.keySet().toArray(String[]::new));
        Map<String, Integer> expected = services().collect(Collectors.toMap(s -> s, this::httpPort));
        assertThat(targets).isEqualTo(expected);
        assertThat(compose.mountTargets("prometheus")).contains("/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaProvisionsTheDashboardFromTheFolderComposeMounts() throws IOException {
        Path root = ComposeFile.repositoryRoot();
        Map<String, Object> provider = ComposeFile.map(ComposeFile.list(ComposeFile.yaml(
                root.resolve("deploy/grafana/provisioning/dashboards/kamerstroom.yml")).get("providers")).get(0));
        String dashboardsPath = (String) ComposeFile.map(provider.get("options")).get("path");
        assertThat(compose.mountTargets("grafana")).contains(dashboardsPath, "/etc/grafana/provisioning");
        Map<String, Object> datasource = ComposeFile.map(ComposeFile.list(ComposeFile.yaml(
                root.resolve("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");

        DashboardQueries dashboard = DashboardQueries.load();
        assertThat(dashboard.expressions()).isNotEmpty().allSatisfy(expr -> assertThat(expr).isNotBlank());
        assertThat(dashboard.datasourceUids()).containsOnly((String) datasource.get("uid"));
    }

    @Test
    void dockerfileRunsTheLauncherJar() throws IOException {
        String dockerfile = Files.readString(ComposeFile.repositoryRoot().resolve("Dockerfile"));
        assertThat(dockerfile).contains(Kamerstroom.class.getName(), "launcher/target/kamerstroom.jar", "launcher/target/lib")
                .containsPattern("(?m)^USER (?!root)");
    }

    private int httpPort(String service) {
        Setting<?> portSetting = SettingsCatalog.services().get(service).stream()
                .filter(s -> s.name().equals(HttpConfig.portSetting(0).name())).findFirst().orElseThrow();
        return Integer.parseInt(compose.environment(service).getOrDefault(portSetting.name(), portSetting.defaultValue()));
    }

    private static Map<String, String> kafkaListeners() {
        Map<String, String> listeners = new HashMap<>();
        for (String listener : compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String[] nameAddress = listener.split("://", 2);
            listeners.put(nameAddress[0], nameAddress[1]);
        }
        return listeners;
    }

    private static String interBrokerListener() {
        return compose.environment("kafka").get("KAFKA_INTER_BROKER_LISTENER_NAME");
    }

    private static int registryPort() {
        return port(compose.environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static List<String> names(List<Setting<?>> settings) {
        return settings.stream().map(Setting::name).toList();
    }
}
