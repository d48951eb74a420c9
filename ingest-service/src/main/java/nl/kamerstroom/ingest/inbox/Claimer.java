package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes files out of the inbox by an atomic rename into this instance's claimed folder. A
 * rename either happens once or not at all, so of two instances racing for one file exactly one
 * gets it; the other sees the file gone. The claimed folder keeps the relative path and
 * survives a crash: {@link #recover()} lists what was claimed but never finished.
 *
 * <p>Only the scanner thread claims, so checking that the target is free and then renaming
 * cannot race with another claim of ours.
 */
public final class Claimer {

    private final Path claimedDir;

    public Claimer(Path claimedDir) {
        this.claimedDir = claimedDir;
    }

    /**
     * Claims the file, or answers empty when another instance took it first or when a file with
     * the same relative path is still being processed (it is then taken on a later scan, never
     * overwritten).
     */
    public Optional<InboxFile> claim(InboxFile file) throws IOException {
        Path target = claimedDir.resolve(file.relativePath());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot claim by atomic rename from " + file.path() + " to " + target
                    + ": WORK_DIR must be on the same file system as INBOX_DIR", e);
        }
        return Optional.of(new InboxFile(target, file.relativePath(), file.size(), file.modified(), file.kind()));
    }

    /** Files claimed before a crash or stop, to be processed again. */
    public List<InboxFile> recover() {
        try {
            Files.createDirectories(claimedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create claimed folder " + claimedDir, e);
        }
        return new InboxScanner(claimedDir, Set.of(), path -> false).scan();
    }

    /** Removes folders left empty below the claimed folder once their files are done. */
    public void pruneEmptyParents(Path finishedFile) {
        Path dir = finishedFile.getParent();
        while (dir != null && dir.startsWith(claimedDir) && !dir.equals(claimedDir)) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return; // not empty (another file is in progress there) or already gone
            }
            dir = dir.getParent();
        }
    }

    public Path claimedDir() {
        return claimedDir;
    }
}
