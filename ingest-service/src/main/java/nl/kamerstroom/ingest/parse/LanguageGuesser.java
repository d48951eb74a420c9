package nl.kamerstroom.ingest.parse;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Names the language of a text from a sample of its beginning, with Optimaize's n-gram models.
 * Optimaize lists every n-gram of what it is given before it scores them: on whole 20 KB texts
 * that was a quarter of all CPU samples of the ingest benchmark, while the first few thousand
 * characters (a page of prose, past letterheads and addresses) settle the question as well at
 * under a third of the cost.
 *
 * <p>Only the {@link #LANGUAGES} a Dutch government file is written in load, not Optimaize's 71:
 * the detector keeps one probability per language for each of its ~115,000 n-grams, 66 MB for
 * all 71 (mostly for the CJK and Indic scripts' n-grams). Tika's wrapper is not used for the same
 * reason: its class initialiser builds and keeps a detector of all 71 languages, and their
 * profiles, whatever one asks it to load.
 */
public final class LanguageGuesser {

    static final int SAMPLE_CHARS = 4_000;

    /**
     * The official languages of the EU that Optimaize knows, and the languages of the largest
     * communities in the Netherlands and of its neighbours beyond the EU. A text in another
     * language comes out as one of these with low certainty (so null) or, rarely, as a near one.
     */
    static final List<String> LANGUAGES = List.of(
            "nl", "en", "de", "fr", "es", "it", "pt", "pl", "da", "sv", "fi", "cs", "sk", "sl", "hr", "hu", "ro",
            "bg", "el", "et", "lv", "lt", "mt", "ga",
            "no", "tr", "ar", "uk", "ru", "zh-CN");

    /** What Tika calls a highly confident guess; below it the language is left unnamed. */
    private static final double CERTAIN = 0.9;
    /** Tika's setting: texts shorter than this are scored by the algorithm for short texts. */
    private static final int SHORT_TEXT_CHARS = 30;

    /** Immutable once built: the parse threads share it without a lock. */
    private final LanguageDetector detector;

    public LanguageGuesser() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .shortTextAlgorithm(SHORT_TEXT_CHARS)
                    .withProfiles(new LanguageProfileReader().readBuiltIn(
                            LANGUAGES.stream().map(LdLocale::fromString).toList()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language models from the class path", e);
        }
    }

    /** ISO 639-1 code (with a region for Chinese), or null when the detector is not reasonably certain. */
    public String guess(String text) {
        if (text.isBlank()) {
            return null;
        }
        List<DetectedLanguage> ranked = detector.getProbabilities(sample(text));
        if (ranked.isEmpty() || ranked.getFirst().getProbability() <= CERTAIN) {
            return null;
        }
        // The locale prints as it was named in LANGUAGES ("nl", "zh-CN").
        return ranked.getFirst().getLocale().toString();
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
