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
    @ValueSource(strings = {"up", "extract", "ingest", "enrich", "index", "topics", "status", "settings"})
    void everySubcommandHasHelp(String command) {
        Run run = run(command, "--help");
        assertThat(run.exit).isZero();
        assertThat(run.out).startsWith("Usage: kamerstroom " + command);
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
    void upKeepsEverythingUnderTheDataFolderUnlessToldOtherwise(@TempDir Path data) {
        UpConfig config = UpConfig.from(Settings.of(Map.of(UpConfig.DATA.name(), data.toString(),
                UpConfig.FAILED.name(), data.resolveSibling("elsewhere").toString())));
        assertThat(config.inbox()).isEqualTo(data.resolve("inbox"));
        assertThat(config.done()).isEqualTo(data.resolve("done"));
        assertThat(config.failed()).isEqualTo(data.resolveSibling("elsewhere"));
        assertThat(config.brokerDir()).isEqualTo(data.resolve("kafka"));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.registryPort()).isEqualTo(8081);
    }

    @Test
    void aBadSettingIsOneLineAndExitCodeTwo() {
        Run run = run("up", "--http-port", "eighty");
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("kamerstroom: Invalid value 'eighty' for KAMERSTROOM_HTTP_PORT").doesNotContain("\n");
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
