package nl.kamerstroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A working directory that is either kept (given by the caller) or ephemeral (a temp dir deleted on close). */
record DataDir(Path path, boolean ephemeral) {

    static DataDir of(Path given, String tempPrefix) {
        try {
            if (given != null) {
                return new DataDir(Files.createDirectories(given.toAbsolutePath()), false);
            }
            return new DataDir(Files.createTempDirectory(tempPrefix), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + given, e);
        }
    }

    /** Deletes the directory when it is ephemeral; best effort, as a child may still be releasing files. */
    void deleteIfEphemeral() {
        if (!ephemeral || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
