package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the scanner when anything changes in the inbox tree, so a dropped file is seen within
 * milliseconds rather than at the next rescan. Events only trigger a scan; they are never
 * trusted to be complete (the JDK drops them under load, reporting OVERFLOW at best), which is
 * why the scanner also rescans on a timer. New sub-folders are watched as they appear.
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    private final Path root;
    private final Wakeup wakeup;
    private final WatchService watchService;
    private final Thread thread;

    public InboxWatcher(Path root, Wakeup wakeup) throws IOException {
        this.root = root;
        this.wakeup = wakeup;
        this.watchService = FileSystems.getDefault().newWatchService();
        this.thread = Thread.ofPlatform().name("ingest-watcher").daemon(true).unstarted(this::run);
    }

    public void start() {
        registerTree(root);
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path child = dir.resolve((Path) event.context());
                        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                            registerTree(child);
                        }
                    }
                }
                key.reset();
                wakeup.signal();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private void registerTree(Path start) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    // Deletions are mostly our own claims and never bring a file to take.
                    dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.debug("Cannot watch {}: {}", start, e.toString());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service: {}", e.toString());
        }
    }
}
