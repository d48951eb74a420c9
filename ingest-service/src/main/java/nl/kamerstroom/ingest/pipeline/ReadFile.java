package nl.kamerstroom.ingest.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import nl.kamerstroom.ingest.parse.Source;

/**
 * A claimed file read once: its id and the source the parser reads. A file up to
 * {@link #IN_MEMORY_LIMIT} is read whole and hashed in memory, so nothing reads it from disk
 * again (before, each file was read three to four times: hash, type detection, markup check,
 * parse); a larger one is hashed as a stream and parsed from disk, so memory stays bounded at
 * PARSE_THREADS times the limit.
 */
record ReadFile(String id, Source source) {

    static final int IN_MEMORY_LIMIT = 8 << 20;

    static ReadFile of(Path file, long size) throws IOException {
        if (size > IN_MEMORY_LIMIT) {
            return new ReadFile(DocumentId.of(file), Source.onDisk(file));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        }
        return new ReadFile(DocumentId.of(bytes), Source.inMemory(file, bytes));
    }
}
