package nl.kamerstroom.ingest.parse;

import java.io.IOException;

/** Reads a document's text and metadata; {@link TikaExtractor} in the service, a stand-in in tests. */
public interface DocumentParser {

    /** Text and metadata; throws what the parser threw (see {@link FailureReasons}). */
    Extraction extract(Source source) throws Exception;

    /** The media type alone, without parsing: for copies of known documents and for failure reasons. */
    String detect(Source source) throws IOException;
}
