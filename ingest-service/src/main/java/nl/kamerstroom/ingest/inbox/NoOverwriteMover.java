package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Moves a finished file to done/ or failed/ under its relative path, never replacing anything:
 * when the name is taken, {@code report.pdf} becomes {@code report-1.pdf}, {@code report-2.pdf}, ...
 *
 * <p>The move is a hard link followed by removing the claimed name. Creating a link fails when
 * the name exists, which makes "take this name if free" atomic even with several instances
 * writing to one done folder (a plain rename would silently replace). Where links cannot be
 * made (another file system), it falls back to an ordinary move that checks first.
 */
public final class NoOverwriteMover {

    private static final int MAX_ATTEMPTS = 10_000;

    /** Moves {@code source} to {@code dir/relativePath} or a suffixed sibling; returns where it went. */
    public Path move(Path source, Path dir, String relativePath) throws IOException {
        Path target = dir.resolve(relativePath).normalize();
        if (!target.startsWith(dir)) {
            throw new IOException("Relative path " + relativePath + " leaves " + dir);
        }
        Files.createDirectories(target.getParent());
        boolean symlink = Files.isSymbolicLink(source);
        for (int n = 0; n < MAX_ATTEMPTS; n++) {
            Path candidate = n == 0 ? target : withSuffix(target, n);
            try {
                if (symlink) {
                    moveIfAbsent(source, candidate);
                } else {
                    linkThenUnlink(source, candidate);
                }
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
        throw new IOException("No free name for " + target + " after " + MAX_ATTEMPTS + " attempts");
    }

    private static void linkThenUnlink(Path source, Path candidate) throws IOException {
        try {
            Files.createLink(candidate, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            moveIfAbsent(source, candidate);
            return;
        }
        Files.delete(source);
    }

    /** A link itself is moved (rename never follows it); so is a file that cannot be hard-linked. */
    private static void moveIfAbsent(Path source, Path candidate) throws IOException {
        if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(candidate.toString());
        }
        Files.move(source, candidate, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code a/report.pdf} with 2 → {@code a/report-2.pdf}; a name without extension gets {@code -2} at the end. */
    public static Path withSuffix(Path path, int n) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffixed = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        return path.resolveSibling(suffixed);
    }
}
