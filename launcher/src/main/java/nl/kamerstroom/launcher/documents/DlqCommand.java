package nl.kamerstroom.launcher.documents;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Dead letters: records a service could not process, kept with the error in their headers.",
        subcommands = DlqReplayCommand.class)
public final class DlqCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
