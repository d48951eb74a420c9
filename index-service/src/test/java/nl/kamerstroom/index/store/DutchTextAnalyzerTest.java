package nl.kamerstroom.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/** The cached analyzer must index exactly what Lucene's DutchAnalyzer indexes, or old and new indexes would differ. */
class DutchTextAnalyzerTest {

    /** The extraction module's annotated corpora: real Dutch parliamentary texts. */
    private static final Path CORPORA = Path.of("../extraction/corpus");

    /** The stemmer overrides, stop words, capitals, numbers, diacritics and compounds. */
    private static final String EDGE_CASES = "Fiets fietsen bromfiets bromfietsen ei eieren kind kinderen De Minister "
            + "van Buitenlandse Zaken heeft op 12 maart 2024 € 1.250.000,- toegezegd; België, coöperatie, "
            + "ideeën, zeeën, Tweede Kamerleden, kamerleden, motie-Van der Staaij, 36.410-V nr. 12";

    @Test
    void everyCorpusTextGivesTheSameTokensAsDutchAnalyzer() throws IOException {
        List<String> texts = corpusTexts();
        assertThat(texts).hasSizeGreaterThan(20);
        try (Analyzer lucene = new DutchAnalyzer(); Analyzer cached = new DutchTextAnalyzer()) {
            for (int pass = 0; pass < 2; pass++) { // the second pass answers from the cache
                for (String text : texts) {
                    assertThat(tokens(cached, text)).isEqualTo(tokens(lucene, text));
                }
            }
        }
    }

    @Test
    void aCacheThatStartsOverStillGivesTheSameTokens() throws IOException {
        String text = String.join("\n", corpusTexts()) + "\n" + EDGE_CASES;
        try (Analyzer lucene = new DutchAnalyzer(); Analyzer cached = new DutchTextAnalyzer(100)) {
            List<String> expected = tokens(lucene, text);
            assertThat(expected).hasSizeGreaterThan(10_000);
            assertThat(expected.stream().map(token -> token.substring(0, token.indexOf(' '))))
                    .contains("fiets", "bromfiets", "eier", "kinder");
            assertThat(tokens(cached, text)).isEqualTo(expected);
            assertThat(tokens(cached, EDGE_CASES)).isEqualTo(tokens(lucene, EDGE_CASES));
        }
    }

    @Test
    void queriesNormaliseLikeDutchAnalyzer() throws IOException {
        try (Analyzer lucene = new DutchAnalyzer(); Analyzer cached = new DutchTextAnalyzer()) {
            assertThat(cached.normalize("text", "BelgiË Kamer*").utf8ToString())
                    .isEqualTo(lucene.normalize("text", "BelgiË Kamer*").utf8ToString());
        }
    }

    private static List<String> corpusTexts() throws IOException {
        try (Stream<Path> files = Files.walk(CORPORA)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }

    /** Each token as term, offsets, position increment and type: everything the index keeps of it. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement()
                        + " " + type.type());
            }
            stream.end();
        }
        return tokens;
    }
}
