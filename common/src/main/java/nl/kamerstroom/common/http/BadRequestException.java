package nl.kamerstroom.common.http;

/** The request is malformed; answered with 400 and this message. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
