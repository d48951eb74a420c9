package nl.kamerstroom.index.search;

/** The user's query cannot be run as given; the message says why, in words for the user. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
