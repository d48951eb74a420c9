package nl.kamerstroom.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.common.config.Settings;
import nl.kamerstroom.launcher.settings.SettingsCatalog;
import nl.kamerstroom.launcher.up.UpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class KamerstroomCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"up", "kafka", "extract", "ingest", "enrich", "index", "topics", "status", "delete",
            "reprocess", "dlq", "settings"})
    void everySubcommandHasHelp(String command) {
        Run run = run(command, "--help");
        assertThat(run.exit).isZero();
        assertThat(run.out).startsWith("Usage: kamerstroom " + command);
    }

    @Test
    void dlqReplayHasHelp() {
        Run run = run("dlq", "replay", "--help");
        assertThat(run.exit).isZero();
        assertThat(run.out).startsWith("Usage: kamerstroom dlq replay").contains("--dry-run", "--topic",
                "documents.dlq");
    }

    @Test
    void serviceHelpListsEveryVariableTheServiceReads() {
        SettingsCatalog.services().forEach((service, settings) -> {
            String help = run(service, "--help").out;
            settings.forEach(setting -> assertThat(help).contains(setting.name()));
        });
    }

    @Test
    void settingsPrintsEverySettingOnce() {
        String table = run("settings", "--markdown").out;
        SettingsCatalog.services().values().stream().flatMap(java.util.List::stream).map(Setting::name).distinct()
                .forEach(name -> assertThat(table).contains("| `" + name + "` |"));
        UpConfig.SETTINGS.forEach(setting -> assertThat(table).contains("| `" + setting.name() + "` |"));
        // Shared settings sit in the first section only, not repeated per service.
        assertThat(table.split("\\| `KAFKA_BOOTSTRAP_SERVERS` \\|", -1)).hasSize(2);
    }

    @Test
    void aVariableReadByTwoServicesMeansTheSameToBoth() {
        // `up` feeds all services from one environment: a shared name must share its meaning.
        // HTTP_PORT is the exception, and `up` sets it for each service itself.
        Map<String, Setting<?>> seen = new java.util.HashMap<>();
        SettingsCatalog.services().values().stream().flatMap(java.util.List::stream)
                .filter(setting -> !setting.name().equals("HTTP_PORT"))
                .forEach(setting -> {
                    Setting<?> earlier = seen.putIfAbsent(setting.name(), setting);
                    if (earlier != null) {
                        assertThat(setting.defaultValue()).as(setting.name()).isEqualTo(earlier.defaultValue());
                        assertThat(setting.doc()).as(setting.name()).isEqualTo(earlier.doc());
                    }
                });
    }

    @Test
    void upKeepsEverythingUnderTheDataFolderUnlessToldOtherwise(@TempDir Path data) {
        UpConfig config = UpConfig.from(Settings.of(Map.of(UpConfig.DATA.name(), data.toString(),
                UpConfig.FAILED.name(), data.resolveSibling("elsewhere").toString())));
        assertThat(config.inbox()).isEqualTo(data.resolve("inbox"));
        assertThat(config.done()).isEqualTo(data.resolve("done"));
        assertThat(config.failed()).isEqualTo(data.resolveSibling("elsewhere"));
        assertThat(config.serviceDir("index")).isEqualTo(data.resolve("index"));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.registryPort()).isEqualTo(8081);
    }

    @Test
    void extractPrintsOneJsonLinePerFileAndNamesTheOnesItCannotRead(@TempDir Path dir) throws Exception {
        Path letter = java.nio.file.Files.writeString(dir.resolve("brief.txt"),
                "De minister van Buitenlandse Zaken schrijft over Duitsland.");
        Run run = run("extract", letter.toString(), dir.resolve("missing.txt").toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out.strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"file\":\"" + letter + "\"").contains("\"id\":\"BZ\"", "\"id\":\"DE\""));
        assertThat(run.err).contains("missing.txt: no such file");
    }

    @Test
    void aBadSettingIsOneLineAndExitCodeTwo() {
        Run run = run("up", "--http-port", "eighty");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("kamerstroom: Invalid value 'eighty' for KAMERSTROOM_HTTP_PORT").doesNotContain("\n");
    }

    @Test
    void upRefusesAPortThatIsTakenBeforeStartingAnything(@TempDir Path data) throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run("up", "--data", data.toString(), "--kafka-port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).contains("Port " + taken.getLocalPort() + " is already in use", "--kafka-port");
        }
    }

    @Test
    void kafkaRefusesATakenPortLikeUp(@TempDir Path data) throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = run("kafka", "--data", data.toString(), "--kafka-port", "0",
                    "--registry-port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exit).isEqualTo(2);
            assertThat(run.err).contains("Port " + taken.getLocalPort() + " is already in use", "--registry-port");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Kamerstroom.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
