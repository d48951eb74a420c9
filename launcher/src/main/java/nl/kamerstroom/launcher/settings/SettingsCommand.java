package nl.kamerstroom.launcher.settings;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.kamerstroom.common.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Every environment variable the services read: name, default and meaning.")
public final class SettingsCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print Markdown tables (the README's configuration section).")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (SettingsCatalog.Section section : SettingsCatalog.sections()) {
            if (markdown) {
                printMarkdown(section, out);
            } else {
                printText(section, out);
            }
        }
        out.flush();
        return 0;
    }

    /** The settings as a --help footer: name and default on one line, the meaning wrapped and indented below. */
    public static String footer(List<Setting<?>> settings) {
        StringBuilder text = new StringBuilder("%nEnvironment variables:%n");
        for (Setting<?> setting : settings) {
            text.append("  ").append(setting.name()).append(" (default ").append(display(setting.defaultValue()))
                    .append(")%n");
            // picocli formats help text with String.format: a literal percent sign must be doubled.
            wrap(setting.doc().replace("%", "%%"), 72).forEach(line -> text.append("      ").append(line).append("%n"));
        }
        return text.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static void printText(SettingsCatalog.Section section, PrintWriter out) {
        out.println(section.title());
        for (Setting<?> setting : section.settings()) {
            out.printf("  %-26s %-24s %s%n", setting.name(), display(setting.defaultValue()), setting.doc());
        }
        out.println();
    }

    private static void printMarkdown(SettingsCatalog.Section section, PrintWriter out) {
        out.println("#### " + section.title());
        out.println();
        out.println("| Variable | Default | Meaning |");
        out.println("|---|---|---|");
        for (Setting<?> setting : section.settings()) {
            out.printf("| `%s` | %s | %s |%n", setting.name(),
                    setting.defaultValue() == null || setting.defaultValue().isEmpty()
                            ? display(setting.defaultValue()) : "`" + setting.defaultValue() + "`",
                    setting.doc().replace("|", "\\|"));
        }
        out.println();
    }

    private static String display(String defaultValue) {
        if (defaultValue == null) {
            return "(required)";
        }
        return defaultValue.isEmpty() ? "(empty)" : defaultValue;
    }
}
