package nl.kamerstroom.ingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Names the language of a text from a sample of its beginning. Optimaize lists every n-gram of
 * what it is given before it scores them: on whole 20 KB texts that was a quarter of all CPU
 * samples of the ingest benchmark, while the first few thousand characters (a page of prose,
 * past letterheads and addresses) settle the question as well at under a third of the cost
 * (0.35 against 1.2 ms of CPU for a 20 KB text). The models load once (~1 s); the detector keeps
 * per-call state, hence the lock.
 *
 * <p>Only the {@link #LANGUAGES} a Dutch government file is written in load, not Optimaize's 71:
 * those held 95 MB of the services' heap for the rest of their life (mostly the CJK and Indic
 * n-gram tables), these 11 MB, and each n-gram is scored against half as many languages (0.13
 * against 0.26 ms per 4,000-char sample; the 59 dev corpus documents are Dutch either way).
 */
public final class LanguageGuesser {

    static final int SAMPLE_CHARS = 4_000;

    /**
     * The official languages of the EU that Optimaize knows, and the languages of the largest
     * communities in the Netherlands and of its neighbours beyond the EU. A text in another
     * language comes out as one of these with low certainty (so null) or, rarely, as a near one.
     */
    static final Set<String> LANGUAGES = Set.of(
            "nl", "en", "de", "fr", "es", "it", "pt", "pl", "da", "sv", "fi", "cs", "sk", "sl", "hr", "hu", "ro",
            "bg", "el", "et", "lv", "lt", "mt", "ga",
            "no", "tr", "ar", "uk", "ru", "zh-CN");

    private final LanguageDetector detector = load();

    private static LanguageDetector load() {
        try {
            return new OptimaizeLangDetector().loadModels(LANGUAGES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language models from the class path", e);
        }
    }

    /** ISO 639-1 code, or null when the detector is not reasonably certain. */
    public String guess(String text) {
        if (text.isBlank()) {
            return null;
        }
        String sample = sample(text);
        synchronized (this) {
            detector.reset();
            detector.addText(sample);
            LanguageResult result = detector.detect();
            return result.isReasonablyCertain() ? result.getLanguage() : null;
        }
    }

    /** The beginning of the text, ending at a space so the last word is whole. */
    static String sample(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int end = text.lastIndexOf(' ', SAMPLE_CHARS);
        return text.substring(0, end > SAMPLE_CHARS / 2 ? end : SAMPLE_CHARS);
    }
}
