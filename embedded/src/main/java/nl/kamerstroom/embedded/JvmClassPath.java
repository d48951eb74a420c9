package nl.kamerstroom.embedded;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of the running JVM as a list of real files, so a child JVM can run with it.
 *
 * <p>Why not just {@code java.class.path}: Maven Surefire and Failsafe start tests with a
 * manifest-only booter jar whose {@code Class-Path} attribute lists the real entries, and that jar
 * is deleted when the test JVM ends. Manifest class paths are therefore expanded (as the JVM itself
 * does), and entries that do not exist are dropped. A launcher started as
 * {@code java -cp 'lib/*:app.jar'} needs nothing special: the java launcher has already expanded
 * the wildcard into {@code java.class.path}.
 */
public final class JvmClassPath {

    private JvmClassPath() {
    }

    /**
     * The current JVM's class path, expanded, in the platform's path-separator form. Jars that only
     * a {@link URLClassLoader} knows (Surefire with {@code useSystemClassLoader=false}) come last.
     */
    public static String current() {
        Set<String> entries = expand(System.getProperty("java.class.path", ""));
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.addAll(expand(Path.of(url.toURI()).toString()));
                    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                        // not a local file, so nothing a child JVM could load either
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    static Set<String> expand(String classPath) {
        Set<String> result = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                pending.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!pending.isEmpty()) {
            Path entry = pending.removeFirst();
            if (!Files.exists(entry) || !result.add(entry.toString())) {
                continue;
            }
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                pending.addAll(manifestClassPath(entry));
            }
        }
        return result;
    }

    private static Deque<Path> manifestClassPath(Path jar) {
        Deque<Path> entries = new ArrayDeque<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return entries;
            }
            URI base = jar.toUri();
            for (String reference : classPath.trim().split("\\s+")) {
                if (!reference.isEmpty()) {
                    URI uri = resolve(base, reference);
                    if ("file".equals(uri.getScheme())) {
                        entries.add(Path.of(uri).normalize());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // The JVM skips jars it cannot read and Class-Path entries it cannot parse; so do we.
            return new ArrayDeque<>();
        }
        return entries;
    }

    private static URI resolve(URI base, String reference) {
        // Class-Path entries are URLs: absolute ones (Surefire writes file: URLs) or relative to the jar.
        URI uri = URI.create(reference);
        return uri.isAbsolute() ? uri : base.resolve(uri);
    }
}
