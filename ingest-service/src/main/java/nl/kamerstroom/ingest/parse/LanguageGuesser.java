package nl.kamerstroom.ingest.parse;

import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Names the language of a text from a sample of its beginning: the first 20k characters settle
 * the question for documents of any length, at about a millisecond. The models load once
 * (~1 s, ~70 languages); the detector keeps per-call state, hence the lock.
 */
public final class LanguageGuesser {

    private static final int SAMPLE_CHARS = 20_000;

    private final LanguageDetector detector = new OptimaizeLangDetector().loadModels();

    /** ISO 639-1 code, or null when the detector is not reasonably certain. */
    public synchronized String guess(String text) {
        if (text.isBlank()) {
            return null;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        detector.reset();
        detector.addText(sample);
        LanguageResult result = detector.detect();
        return result.isReasonablyCertain() ? result.getLanguage() : null;
    }
}
