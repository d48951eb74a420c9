package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Apicurio Registry distribution ({@code io.apicurio:apicurio-registry-app:<version>:tar.gz:all},
 * a Quarkus application) and unpacks it once.
 *
 * <p>Where it looks, first match wins:
 * <ol>
 *   <li>{@code KAMERSTROOM_APICURIO_DIST}: an unpacked directory (holding {@code quarkus-run.jar}) or the archive;</li>
 *   <li>the local Maven repository: system property {@code maven.repo.local}, else {@code ~/.m2/repository}
 *       (the archive is a dependency of this module, so any Maven build has downloaded it).</li>
 * </ol>
 * An archive is unpacked into {@code ${java.io.tmpdir}/kamerstroom-apicurio-<version>} with the
 * system {@code tar} into a private directory that is then renamed atomically, so JVMs unpacking at
 * the same time do not see each other's half-written files.
 */
final class ApicurioDistribution {

    static final String ENV = "KAMERSTROOM_APICURIO_DIST";
    private static final String LAUNCHER = "quarkus-run.jar";

    private ApicurioDistribution() {
    }

    static String version() {
        Properties versions = new Properties();
        try (InputStream in = ApicurioDistribution.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("versions.properties is missing from the kamerstroom-embedded jar", e);
        }
        return versions.getProperty("apicurio.version");
    }

    /** The directory holding {@code quarkus-run.jar}, unpacking the archive first if needed. */
    static Path locate() {
        String override = System.getenv(ENV);
        if (override != null && !override.isBlank()) {
            Path given = Path.of(override);
            if (Files.isRegularFile(given.resolve(LAUNCHER))) {
                return given;
            }
            if (Files.isRegularFile(given)) {
                return unpacked(given);
            }
            throw new IllegalStateException(ENV + "=" + override + " is neither an unpacked Apicurio distribution nor an archive");
        }
        Path archive = mavenRepository().resolve(
                "io/apicurio/apicurio-registry-app/%1$s/apicurio-registry-app-%1$s-all.tar.gz".formatted(version()));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Apicurio Registry distribution not found at " + archive
                    + ". Build once with Maven (it downloads io.apicurio:apicurio-registry-app:" + version()
                    + ":tar.gz:all), or set " + ENV + " to an unpacked distribution or the archive.");
        }
        return unpacked(archive);
    }

    static Path mavenRepository() {
        String local = System.getProperty("maven.repo.local");
        if (local != null && !local.isBlank()) {
            return Path.of(local);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Path unpacked(Path archive) {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "kamerstroom-apicurio-" + version());
        if (Files.isRegularFile(target.resolve(LAUNCHER))) {
            return target;
        }
        try {
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            untar(archive, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another JVM won the race; its copy is complete because it, too, was renamed into place.
                new DataDir(staging, true).deleteIfEphemeral();
            }
            if (!Files.isRegularFile(target.resolve(LAUNCHER))) {
                throw new IllegalStateException(archive + " has no " + LAUNCHER + " at its root");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + archive + " into " + target, e);
        }
    }

    private static void untar(Path archive, Path into) throws IOException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        try {
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IOException("tar failed on " + archive + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while unpacking " + archive, e);
        }
    }
}
