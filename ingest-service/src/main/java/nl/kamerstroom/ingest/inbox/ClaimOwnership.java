package nl.kamerstroom.ingest.inbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns which claimed folder. A running instance holds a lock on {@code claimed/<id>.lock};
 * the operating system drops the lock when the process dies. At start-up, claimed folders whose
 * lock nobody holds belong to instances that are gone (a container recreated under a new host
 * name, a renamed INSTANCE_ID): their files are moved into this instance's claimed folder and
 * processed like its own, so a changed instance id never strands a file.
 */
public final class ClaimOwnership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimOwnership.class);

    private final FileChannel channel;
    private final FileLock lock;

    private ClaimOwnership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code claimedRoot/<instance>}; fails when a running instance already uses this id. */
    public static ClaimOwnership acquire(Path claimedRoot, String instance) throws IOException {
        Files.createDirectories(claimedRoot.resolve(instance));
        FileChannel channel = lockChannel(claimedRoot, instance);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            channel.close();
            throw new IOException("Another running ingest-service uses INSTANCE_ID " + instance + " on "
                    + claimedRoot + "; give each instance its own id");
        }
        return new ClaimOwnership(channel, lock);
    }

    /** Moves the files of claimed folders nobody owns into {@code own}; returns how many. */
    public int adoptOrphans(Path claimedRoot, Path own) throws IOException {
        int adopted = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(claimedRoot,
                path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !path.equals(own))) {
            for (Path orphan : dirs) {
                adopted += adoptIfOrphaned(claimedRoot, orphan, own);
            }
        }
        return adopted;
    }

    private static int adoptIfOrphaned(Path claimedRoot, Path dir, Path own) throws IOException {
        String instance = dir.getFileName().toString();
        try (FileChannel channel = lockChannel(claimedRoot, instance); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                return 0; // its instance is running
            }
            int moved = 0;
            for (InboxFile file : new InboxScanner(dir, java.util.Set.of(), path -> false).scan()) {
                Path target = own.resolve(file.relativePath());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.warn("Not adopting {} from gone instance {}: {} is in progress here", file.relativePath(),
                            instance, target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
                moved++;
            }
            if (moved > 0) {
                LOG.info("Adopted {} claimed files of instance {}, which is no longer running", moved, instance);
            }
            return moved;
        }
    }

    private static FileChannel lockChannel(Path claimedRoot, String instance) throws IOException {
        return FileChannel.open(claimedRoot.resolve(instance + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
    }

    /** The lock, or null when another process holds it or this JVM does (OverlappingFileLockException). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
