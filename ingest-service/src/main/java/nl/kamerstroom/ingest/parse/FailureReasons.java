package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;

/** Turns what a parser threw into a sentence an operator can act on. */
public final class FailureReasons {

    private FailureReasons() {
    }

    public static String describe(Throwable error, String contentType) {
        String message = String.valueOf(error.getMessage());
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnsafeDocumentException) {
                return t.getMessage();
            }
            if (t instanceof EncryptedDocumentException) {
                return "Encrypted or password-protected document; remove the protection and drop it again";
            }
            if (t instanceof ZeroByteFileException) {
                return "Empty file (0 bytes)";
            }
            if (t instanceof UnsupportedFormatException) {
                return "Unsupported file format (" + contentType + ")";
            }
        }
        // Tika's SecureContentHandler reports both bombs and deep nesting as a "zip bomb".
        if (message.toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
            return message.contains("nesting")
                    ? "Nested too deeply to parse safely (" + message + ")"
                    : "Decompression bomb: expands far beyond its size (" + message + ")";
        }
        if (error instanceof OutOfMemoryError) {
            return "The parser ran out of memory on this file; it was abandoned";
        }
        if (error instanceof StackOverflowError) {
            return "Nested too deeply to parse (the parser's stack overflowed)";
        }
        if (error instanceof TikaException) {
            return "Corrupt or unreadable " + contentType + ": " + message;
        }
        if (error instanceof IOException) {
            return "Could not read the file: " + message;
        }
        return "Parser failed on " + contentType + ": " + error.getClass().getSimpleName() + ": " + message;
    }
}
