package nl.kamerstroom.launcher;

import nl.kamerstroom.common.config.ConfigException;
import nl.kamerstroom.common.lifecycle.StartFailure;
import nl.kamerstroom.launcher.documents.DeleteCommand;
import nl.kamerstroom.launcher.documents.DlqCommand;
import nl.kamerstroom.launcher.documents.ReprocessCommand;
import nl.kamerstroom.launcher.extract.ExtractCommand;
import nl.kamerstroom.launcher.inspect.StatusCommand;
import nl.kamerstroom.launcher.inspect.TopicsCommand;
import nl.kamerstroom.launcher.run.EnrichCommand;
import nl.kamerstroom.launcher.run.IndexCommand;
import nl.kamerstroom.launcher.run.IngestCommand;
import nl.kamerstroom.launcher.settings.SettingsCatalog;
import nl.kamerstroom.launcher.settings.SettingsCommand;
import nl.kamerstroom.launcher.up.KafkaCommand;
import nl.kamerstroom.launcher.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code kamerstroom} command line; {@code bin/kamerstroom} runs it. */
@Command(name = "kamerstroom", mixinStandardHelpOptions = true, versionProvider = Kamerstroom.Version.class,
        description = "Event-driven processing of Dutch government documents on Kafka.",
        footer = {"", "bin/kamerstroom bench NAME runs a benchmark of the benchmarks module "
                + "(nl.kamerstroom.benchmarks.BenchmarkMain) in a JVM of its own."},
        subcommands = {UpCommand.class, KafkaCommand.class, ExtractCommand.class, IngestCommand.class,
                EnrichCommand.class, IndexCommand.class, TopicsCommand.class, StatusCommand.class, DeleteCommand.class,
                ReprocessCommand.class, DlqCommand.class, SettingsCommand.class, CommandLine.HelpCommand.class})
public final class Kamerstroom implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling, for main and for tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Kamerstroom()).setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof ConfigException) {
                // A wrong setting is the operator's to fix: one line naming it, no stack trace.
                cl.getErr().println("kamerstroom: " + e.getMessage());
                return 2;
            }
            if (e instanceof StartFailure) {
                // The stack trace is logged at DEBUG where the failure was caught (LOG_LEVEL=DEBUG).
                cl.getErr().println("kamerstroom: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        // Each service's --help lists the environment variables it reads, from the list it parses.
        SettingsCatalog.services().forEach((name, settings) -> commandLine.getSubcommands().get(name)
                .getCommandSpec().usageMessage().footer(SettingsCommand.footer(settings)));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version in the jar's manifest (Maven writes it), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Kamerstroom.class.getPackage().getImplementationVersion();
            return new String[] {"kamerstroom " + (version == null ? "development" : version)};
        }
    }
}
