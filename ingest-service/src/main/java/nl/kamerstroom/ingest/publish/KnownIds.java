package nl.kamerstroom.ingest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ids of the most recent documents the broker has acknowledged, so the same bytes dropped
 * again are recognised as a duplicate. Memory is bounded: at most {@code capacity} ids (about
 * 100 bytes each) are remembered, the least recently seen forgotten first. A forgotten id costs
 * only a second parse and an unflagged repeat of its event, which consumers drop by id.
 *
 * <p>Kept as an append-only file of one id per line (65 bytes) in the working folder; at
 * start-up only its last {@code capacity} lines are read, so start-up time stays bounded too
 * however long the file grows. Appends of one short line are atomic, so instances sharing a
 * working folder may share the file; each sees the others' ids at its next start. The file may
 * be truncated or deleted while ingest is stopped: that forgets ids, nothing else.
 */
public final class KnownIds implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final int LINE_BYTES = 65;

    private final FileChannel appender;
    private final Map<Key, Boolean> recent;

    private KnownIds(FileChannel appender, int capacity) {
        this.appender = appender;
        this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public static KnownIds open(Path file, int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        KnownIds known = new KnownIds(channel, capacity);
        known.loadTail(file, capacity);
        return known;
    }

    /** Reads the last {@code capacity} ids; a line cut by the seek (or by a crash mid-append) does not match. */
    private void loadTail(Path file, int capacity) throws IOException {
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.position(Math.max(0, reader.size() - (long) capacity * LINE_BYTES));
            InputStream in = Channels.newInputStream(reader);
            String tail = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            tail.lines().map(String::strip).filter(line -> ID.matcher(line).matches())
                    .forEach(id -> recent.put(Key.of(id), Boolean.TRUE));
        }
    }

    /** True when the broker acknowledged a document with this id (as far as this instance remembers). */
    public synchronized boolean contains(String id) {
        return recent.get(Key.of(id)) != null;
    }

    /** Remembers an acknowledged id, on disk too so it survives restarts. */
    public synchronized void record(String id) throws IOException {
        recent.put(Key.of(id), Boolean.TRUE);
        appender.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    public synchronized int size() {
        return recent.size();
    }

    @Override
    public synchronized void close() throws IOException {
        appender.close();
    }

    /** A SHA-256 as four longs: 48 bytes instead of the ~100 of its 64-character string. */
    private record Key(long a, long b, long c, long d) {
        static Key of(String hex) {
            return new Key(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32),
                    HexFormat.fromHexDigitsToLong(hex, 32, 48), HexFormat.fromHexDigitsToLong(hex, 48, 64));
        }
    }
}
