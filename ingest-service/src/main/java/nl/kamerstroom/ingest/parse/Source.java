package nl.kamerstroom.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * One file as the parser reads it: its bytes when the file was small enough to be read whole
 * (then detection, the markup check and the parse all read memory, never the disk again), or
 * only its path. Formats that need random access (PDF, Office, archives) are parsed from the
 * path either way, as Tika would otherwise copy the bytes to a temporary file.
 */
public final class Source {

    private final Path path;
    private final byte[] bytes;

    private Source(Path path, byte[] bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    public static Source inMemory(Path path, byte[] bytes) {
        return new Source(path, bytes);
    }

    public static Source onDisk(Path path) {
        return new Source(path, null);
    }

    /** Reads the whole file into memory; for callers that parse files outside the inbox. */
    public static Source read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return inMemory(path, in.readAllBytes());
        }
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public boolean inMemory() {
        return bytes != null;
    }

    public long size() throws IOException {
        return bytes != null ? bytes.length : Files.size(path);
    }

    /** The raw bytes from the start. */
    InputStream openRaw() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** For Tika: over the bytes when {@code fromMemory} and they are in memory, else over the file itself. */
    TikaInputStream open(Metadata metadata, boolean fromMemory) throws IOException {
        return fromMemory && bytes != null ? TikaInputStream.get(bytes, metadata) : TikaInputStream.get(path, metadata);
    }
}
