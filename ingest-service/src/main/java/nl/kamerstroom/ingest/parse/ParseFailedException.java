package nl.kamerstroom.ingest.parse;

/** A file could not be parsed; the message is the reason an operator reads in error.json. */
public class ParseFailedException extends Exception {

    public ParseFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
