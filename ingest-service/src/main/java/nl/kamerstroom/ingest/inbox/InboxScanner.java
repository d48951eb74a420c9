package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files waiting in a folder tree. Links are reported as links and never followed, so a
 * link to {@code /etc} or to a folder outside the inbox is neither read nor descended into.
 * Dot-folders (our working folder among them) and the configured skip folders (done/failed when
 * an operator nests them inside the inbox) are not entered.
 */
public final class InboxScanner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxScanner.class);

    private final Path root;
    private final Set<Path> skipDirs;
    private final Predicate<Path> ignored;

    public InboxScanner(Path root, Set<Path> skipDirs, Predicate<Path> ignored) {
        this.root = root;
        this.skipDirs = Set.copyOf(skipDirs);
        this.ignored = ignored;
    }

    public Path root() {
        return root;
    }

    /** Every file below the root that is not ignored; files that vanish during the walk are skipped. */
    public List<InboxFile> scan() {
        List<InboxFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    boolean hidden = dir.getFileName().toString().startsWith(".");
                    return hidden || skipDirs.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!ignored.test(file)) {
                        found.add(InboxFile.of(file, InboxFile.relativePath(root, file), attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        LOG.warn("Cannot look at {}: {}", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            LOG.warn("Folder {} does not exist", root);
        } catch (IOException e) {
            LOG.warn("Scan of {} failed: {}", root, e.toString());
        }
        return found;
    }
}
