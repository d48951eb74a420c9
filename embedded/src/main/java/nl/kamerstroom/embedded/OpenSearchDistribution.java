package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds OpenSearch's runnable zip ({@code org.opensearch.distribution.integ-test-zip:opensearch:<version>:zip})
 * in the local Maven repository and unpacks it once, with the {@code analysis-common} module added.
 *
 * <p>The zip is the bare server: it lacks analysis-common, where the {@code dutch} analyzer lives.
 * Maven Central serves that module only as a jar without its plugin descriptor, so the descriptor
 * is written here. The result goes to {@code ${java.io.tmpdir}/kamerstroom-opensearch-<version>},
 * unpacked into a private directory that is renamed atomically (as {@link ApicurioDistribution} does),
 * and is only read by the node: every node has its own copy of {@code config/} and its data.
 *
 * <p>{@code KAMERSTROOM_OPENSEARCH_DIST} may name an unpacked distribution (holding {@code lib/} and
 * {@code modules/analysis-common/}) to use instead.
 */
final class OpenSearchDistribution {

    static final String ENV = "KAMERSTROOM_OPENSEARCH_DIST";
    static final String MAIN_CLASS = "org.opensearch.bootstrap.OpenSearch";
    private static final String ANALYSIS_COMMON = "modules/analysis-common";
    private static final String DESCRIPTOR = """
            description=Adds "built in" analyzers to OpenSearch (added by Kamerstroom: Maven Central serves the bare jar)
            version=%1$s
            name=analysis-common
            classname=org.opensearch.analysis.common.CommonAnalysisModulePlugin
            java.version=21
            opensearch.version=%1$s
            custom.foldername=
            extended.plugins=
            has.native.controller=false
            """;

    private OpenSearchDistribution() {
    }

    static String version() {
        Properties versions = new Properties();
        try (InputStream in = OpenSearchDistribution.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("versions.properties is missing from the kamerstroom-embedded jar", e);
        }
        return versions.getProperty("opensearch.version");
    }

    /** The OpenSearch home directory (holding {@code lib/}, {@code modules/}, {@code config/}), unpacking first if needed. */
    static Path locate() {
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            Path given = Path.of(override);
            if (!complete(given)) {
                throw new IllegalStateException(ENV + "=" + override
                        + " is not an unpacked OpenSearch distribution with " + ANALYSIS_COMMON);
            }
            return given;
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "kamerstroom-opensearch-" + version());
        return complete(target) ? target : unpacked(target);
    }

    private static boolean complete(Path home) {
        return Files.isDirectory(home.resolve("lib")) && Files.isRegularFile(home.resolve(ANALYSIS_COMMON)
                .resolve("plugin-descriptor.properties"));
    }

    private static Path unpacked(Path target) {
        String version = version();
        Path zip = artifact("org/opensearch/distribution/integ-test-zip/opensearch/%1$s/opensearch-%1$s.zip", version);
        Path analysis = artifact("org/opensearch/plugin/analysis-common/%1$s/analysis-common-%1$s.jar", version);
        try {
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            // A temp directory is private to its owner; the node may run as another user and must read it.
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            unzip(zip, staging, "opensearch-" + version + "/");
            Path module = Files.createDirectories(staging.resolve(ANALYSIS_COMMON));
            Files.copy(analysis, module.resolve(analysis.getFileName()));
            Files.writeString(module.resolve("plugin-descriptor.properties"), DESCRIPTOR.formatted(version));
            copyOrphanGuard(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another JVM won the race; its copy is complete because it, too, was renamed into place.
                new DataDir(staging, true).deleteIfEphemeral();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip + " into " + target, e);
        }
    }

    /**
     * The directory holding a copy of {@link OrphanGuard}'s class: a node started as an unprivileged
     * user cannot read this module's jar when it lies in root's Maven repository.
     */
    static Path guardClasses(Path home) {
        return home.resolve("kamerstroom-guard");
    }

    private static void copyOrphanGuard(Path home) throws IOException {
        String name = OrphanGuard.class.getSimpleName() + ".class";
        Path target = Files.createDirectories(guardClasses(home).resolve(
                OrphanGuard.class.getPackageName().replace('.', '/'))).resolve(name);
        try (InputStream in = OrphanGuard.class.getResourceAsStream(name)) {
            Files.copy(in, target);
        }
    }

    private static Path artifact(String pathPattern, String version) {
        Path file = ApicurioDistribution.mavenRepository().resolve(pathPattern.formatted(version));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("OpenSearch " + version + " not found at " + file
                    + ". Build once with Maven (kamerstroom-embedded depends on it), or set " + ENV
                    + " to an unpacked distribution that has " + ANALYSIS_COMMON + ".");
        }
        return file;
    }

    /** Unpacks the entries under {@code root} (the zip's top folder) into {@code into}, without that folder. */
    private static void unzip(Path zip, Path into, String root) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(root) || entry.getName().equals(root)) {
                    continue;
                }
                Path target = into.resolve(entry.getName().substring(root.length())).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
