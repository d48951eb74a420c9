package nl.kamerstroom.enrich.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/** Starts a class of the test class path in a child JVM, which a test can then kill -9. */
final class ChildJvm {

    private ChildJvm() {
    }

    static Process start(Class<?> mainClass, List<String> args, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath(), mainClass.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * This JVM's class path as real files: Failsafe runs tests from a manifest-only jar whose
     * Class-Path attribute lists the entries (as file URLs).
     */
    private static String classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                    if (manifestPath != null) {
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(java.net.URI.create(url)).toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
