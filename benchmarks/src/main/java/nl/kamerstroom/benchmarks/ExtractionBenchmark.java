package nl.kamerstroom.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.kamerstroom.extraction.EntityExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extraction throughput on one thread: one operation = every corpus text extracted once. The baseline
 * makes one pass over the same chars counting spaces, so the ratio says how far extraction is from the
 * cost of merely reading the text on this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {

  private List<String> texts;
  private EntityExtractor extractor;

  @Setup
  public void setup() {
    texts = Corpus.load(Path.of(System.getProperty(Corpus.PROPERTY, Corpus.IN_REPOSITORY))).texts();
    extractor = EntityExtractor.create();
  }

  @Benchmark
  public void extraction(Blackhole bh) {
    for (String text : texts) {
      bh.consume(extractor.extract(text));
    }
  }

  @Benchmark
  public int baselineCountSpaces() {
    int spaces = 0;
    for (String text : texts) {
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == ' ') {
          spaces++;
        }
      }
    }
    return spaces;
  }

  /** For the smoke test: the same setup without JMH. */
  static ExtractionBenchmark prepared(Path corpus) {
    System.setProperty(Corpus.PROPERTY, corpus.toString());
    ExtractionBenchmark b = new ExtractionBenchmark();
    b.setup();
    return b;
  }
}
