package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 per type on the annotated sample corpus (system property
 * {@code kamerstroom.corpus}, set by the pom to extraction/corpus/sample), failing below 0.95 for any type.
 */
class CorpusQualityTest {

  private static final double BAR = 0.95;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyTypeReachesTheQualityBar() throws IOException {
    String location = System.getProperty("kamerstroom.corpus", "corpus/sample");
    Path corpus = Path.of(location);
    Path gold = corpus.resolve("gold");
    assertThat(gold).as("annotated corpus not found at %s (set -Dkamerstroom.corpus=DIR; it must hold "
        + "NAME.txt files and gold/NAME.json)", corpus.toAbsolutePath()).isDirectory();

    EntityExtractor extractor = EntityExtractor.create();
    Map<String, CorpusScorer.Counts> totals = new LinkedHashMap<>();
    CorpusScorer.TYPES.forEach(t -> totals.put(t, new CorpusScorer.Counts()));
    List<Path> goldFiles;
    try (Stream<Path> files = Files.list(gold)) {
      goldFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(goldFiles).as("gold files in %s", gold).isNotEmpty();
    for (Path goldFile : goldFiles) {
      String name = goldFile.getFileName().toString().replace(".json", "");
      String text = Files.readString(corpus.resolve(name + ".txt"), StandardCharsets.UTF_8);
      JsonNode predicted = ExtractionJson.toTree(name, extractor.extract(text));
      JsonNode expected = MAPPER.readTree(goldFile.toFile());
      for (String type : CorpusScorer.TYPES) {
        CorpusScorer.score(type, expected, predicted, totals.get(type));
      }
    }

    StringBuilder report = new StringBuilder(String.format("%-12s %5s %5s %5s %7s %7s %7s%n", "type", "tp", "fp",
        "fn", "P", "R", "F1"));
    totals.forEach((type, c) -> report.append(String.format("%-12s %5d %5d %5d %7.3f %7.3f %7.3f%n", type, c.tp,
        c.fp, c.fn, c.precision(), c.recall(), c.f1())));
    System.out.print(report);
    totals.forEach((type, c) -> assertThat(c.f1()).as("F1 for %s%n%s", type, report).isGreaterThanOrEqualTo(BAR));
  }
}
