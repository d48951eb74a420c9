package nl.kamerstroom.ingest.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The ids of documents the broker has acknowledged, so the same bytes dropped again are
 * recognised as a duplicate. Kept as an append-only file of one id per line in the working
 * folder and loaded at start-up: 65 bytes per document, read in milliseconds, where rebuilding
 * from {@code documents.ingested} would mean reading every document's text again.
 *
 * <p>An id is reserved in memory before the parse (two copies dropped together: the second is
 * the duplicate), written to the file once its event is acknowledged, and released again when the
 * file fails. Appends of one short line are atomic, so instances sharing a working folder may
 * share the file; each sees the others' ids at its next start. A crash between acknowledgement
 * and the append means the file is sent again unflagged after restart: consumers treat ids
 * idempotently, so this repeats a document, it never loses one.
 */
public final class KnownIds implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final FileChannel appender;

    private KnownIds(FileChannel appender) {
        this.appender = appender;
    }

    public static KnownIds open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        KnownIds known = new KnownIds(channel);
        try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            lines.map(String::strip).filter(line -> ID.matcher(line).matches()).forEach(known.ids::add);
        }
        return known;
    }

    /** True when the id was new and is now reserved for this file; false for a duplicate. */
    public boolean reserve(String id) {
        return ids.add(id);
    }

    /** The reserved document failed: the same bytes dropped again are not a duplicate. */
    public void release(String id) {
        ids.remove(id);
    }

    /** Makes an acknowledged id survive restarts. */
    public synchronized void record(String id) throws IOException {
        appender.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    public int size() {
        return ids.size();
    }

    @Override
    public synchronized void close() throws IOException {
        appender.close();
    }
}
