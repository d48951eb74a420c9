package nl.kamerstroom.ingest.inbox;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file seen in the inbox (or found in the claimed folder), described without following links.
 *
 * @param relativePath the path below the inbox with {@code /} separators; kept through claim,
 *                     done and failed, and recorded in the event
 */
public record InboxFile(Path path, String relativePath, long size, FileTime modified, Kind kind) {

    /** What the file system says the entry is; only regular files are read. */
    public enum Kind { REGULAR, SYMLINK, OTHER }

    public static InboxFile of(Path path, String relativePath, BasicFileAttributes attributes) {
        Kind kind = attributes.isSymbolicLink() ? Kind.SYMLINK
                : attributes.isRegularFile() ? Kind.REGULAR : Kind.OTHER;
        return new InboxFile(path, relativePath, attributes.size(), attributes.lastModifiedTime(), kind);
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    /** The relative path of {@code file} below {@code root}, with / separators on every platform. */
    public static String relativePath(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
