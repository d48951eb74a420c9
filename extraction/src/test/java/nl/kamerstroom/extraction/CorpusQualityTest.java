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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Precision, recall and F1 per type on each annotated corpus under {@code kamerstroom.corpora} (set by the
 * pom to extraction/corpus): {@code sample} (the five documents the first rules were written against),
 * {@code dev} (the development corpus) and {@code heldout} (written by someone else, never read while
 * writing rules; scored when present). Each corpus is scored on its own and printed; the corpora developed
 * on fail below {@link #DEVELOPED_BAR} F1 for any type or 0.95 accuracy of date, type and motion status; the
 * held-out corpus, which measures the rules on documents they were not written against, fails below
 * {@link #HELD_OUT_BARS}, guards against regressions at its measured level (reaching more means new
 * development documents, never tuning on these). Metadata fields and motion status are scored where the
 * gold gives them.
 *
 * <p>Only the corpora developed on print their misses (per document and mention); the held-out corpus prints
 * its aggregate figures alone, so that nobody writes rules against its documents. {@code
 * -Dkamerstroom.corpus.names=dev,sample} scores a subset.
 */
class CorpusQualityTest {

  /**
   * Bars on the corpora the rules were developed on: F1 per type, accuracy of date, type and motion status. Dev
   * (51 documents with d25-d36, the former held-out h17-h28, and d37-d44, each scored unseen before joining) and
   * sample were at 1.000 for every type and metadata field on 4 Dec 2026 once rules were written for their kinds;
   * the bar leaves room for one miss per type.
   */
  private static final double DEVELOPED_BAR = 0.99;
  private static final double DEVELOPED_ACCURACY_BAR = 0.95;
  private static final List<String> BARRED_ACCURACIES = List.of("date", "type", "status");
  /**
   * Held-out bars just below the figures measured on 4 Dec 2026 over the 40 held-out documents (h01-h16, h29-h40 and
   * h41-h52, by three authors, none read while writing rules): F1 ministries 0.994, countries 1.000, motions 0.984,
   * amounts 0.988; date 39/40, type 40/40, chamber 40/40, id 36/40, title 31/40, status 78/81. They guard against
   * regressions; issue 14's targets (0.97 F1, 0.95 date and type) are reported, not asserted.
   */
  private static final Map<String, Double> HELD_OUT_BARS = Map.ofEntries(Map.entry("ministries", 0.985),
      Map.entry("countries", 0.99), Map.entry("motions", 0.975), Map.entry("amounts", 0.975), Map.entry("date", 0.95),
      Map.entry("type", 0.95), Map.entry("chamber", 0.95), Map.entry("id", 0.85), Map.entry("title", 0.72),
      Map.entry("status", 0.93));
  private static final List<String> CORPORA =
      List.of(System.getProperty("kamerstroom.corpus.names", "sample,dev,heldout").split(","));
  /** Only these corpora were in view while the rules were written: they print their misses. */
  private static final List<String> DEVELOPED_ON = List.of("sample", "dev");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  @TestFactory
  Stream<DynamicTest> everyCorpusReachesTheQualityBar() {
    Path root = Path.of(System.getProperty("kamerstroom.corpora", "corpus"));
    assertThat(root.resolve("sample/gold")).as("annotated corpora not found under %s (set "
        + "-Dkamerstroom.corpora=DIR holding sample/, dev/ and optionally heldout/, each with NAME.txt "
        + "files and gold/NAME.json)", root.toAbsolutePath()).isDirectory();
    return CORPORA.stream().filter(name -> Files.isDirectory(root.resolve(name).resolve("gold")))
        .map(name -> DynamicTest.dynamicTest(name, () -> check(name, root.resolve(name))));
  }

  private static void check(String name, Path corpus) throws IOException {
    Path gold = corpus.resolve("gold");
    Map<String, CorpusScorer.Counts> totals = new LinkedHashMap<>();
    CorpusScorer.TYPES.forEach(t -> totals.put(t, new CorpusScorer.Counts()));
    Map<String, CorpusScorer.Accuracy> accuracies = new LinkedHashMap<>();
    CorpusScorer.METADATA_FIELDS.keySet().forEach(f -> accuracies.put(f, new CorpusScorer.Accuracy()));
    CorpusScorer.MOTION_ATTRIBUTES.forEach(a -> accuracies.put(a, new CorpusScorer.Accuracy()));
    List<Path> goldFiles;
    try (Stream<Path> files = Files.list(gold)) {
      goldFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(goldFiles).as("gold files in %s", gold).isNotEmpty();
    for (Path goldFile : goldFiles) {
      String doc = goldFile.getFileName().toString().replace(".json", "");
      String text = Files.readString(corpus.resolve(doc + ".txt"), StandardCharsets.UTF_8);
      JsonNode predicted = ExtractionJson.toTree(doc, EXTRACTOR.extract(text));
      JsonNode expected = MAPPER.readTree(goldFile.toFile());
      for (String type : CorpusScorer.TYPES) {
        CorpusScorer.score(type, expected, predicted, totals.get(type), accuracies, doc);
      }
      CorpusScorer.scoreMetadata(doc, expected, predicted, accuracies);
    }

    StringBuilder report = new StringBuilder(String.format("corpus %s (%d documents)%n", name, goldFiles.size()));
    report.append(String.format("%-12s %5s %5s %5s %7s %7s %7s%n", "type", "tp", "fp", "fn", "P", "R", "F1"));
    boolean showMisses = DEVELOPED_ON.contains(name);
    totals.forEach((type, c) -> {
      report.append(String.format("%-12s %5d %5d %5d %7.3f %7.3f %7.3f%n", type, c.tp, c.fp, c.fn,
          c.precision(), c.recall(), c.f1()));
      if (showMisses) {
        c.misses.forEach(miss -> report.append("    ").append(miss).append(System.lineSeparator()));
      }
    });
    accuracies.forEach((field, a) -> {
      if (a.total > 0) {
        report.append(String.format("%-12s %5d/%-5d accuracy %.3f%n", field, a.correct, a.total, a.value()));
        if (showMisses) {
          a.misses.forEach(miss -> report.append("    ").append(miss).append(System.lineSeparator()));
        }
      }
    });
    System.out.print(report);
    if (DEVELOPED_ON.contains(name)) {
      totals.forEach((type, c) -> assertThat(c.f1()).as("%s: F1 for %s%n%s", name, type, report)
          .isGreaterThanOrEqualTo(DEVELOPED_BAR));
      BARRED_ACCURACIES.forEach(field -> assertThat(accuracies.get(field).value())
          .as("%s: accuracy of %s%n%s", name, field, report).isGreaterThanOrEqualTo(DEVELOPED_ACCURACY_BAR));
    } else {
      totals.forEach((type, c) -> assertThat(c.f1()).as("%s: F1 for %s%n%s", name, type, report)
          .isGreaterThanOrEqualTo(HELD_OUT_BARS.get(type)));
      accuracies.forEach((field, a) -> {
        if (HELD_OUT_BARS.containsKey(field) && a.total > 0) {
          assertThat(a.value()).as("%s: accuracy of %s%n%s", name, field, report)
              .isGreaterThanOrEqualTo(HELD_OUT_BARS.get(field));
        }
      });
    }
  }
}
