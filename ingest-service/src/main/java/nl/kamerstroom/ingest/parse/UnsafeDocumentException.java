package nl.kamerstroom.ingest.parse;

import org.apache.tika.exception.TikaException;

/** A file built (or broken) so that parsing it would exhaust memory or stack: a bomb, absurd nesting. */
public class UnsafeDocumentException extends TikaException {

    public UnsafeDocumentException(String reason) {
        super(reason);
    }
}
