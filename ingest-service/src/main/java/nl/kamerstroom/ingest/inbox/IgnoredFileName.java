package nl.kamerstroom.ingest.inbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Names of files that are still being written or are not meant for us: dot-files (editors,
 * rsync and our own working folder) and the partial-download suffixes browsers and copy tools
 * use. Such files are never taken, however long they sit in the inbox.
 */
public final class IgnoredFileName implements Predicate<Path> {

    private static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".tmp", ".crdownload");

    @Override
    public boolean test(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String fileName = name.toString();
        if (fileName.startsWith(".")) {
            return true;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return PARTIAL_SUFFIXES.stream().anyMatch(lower::endsWith);
    }
}
