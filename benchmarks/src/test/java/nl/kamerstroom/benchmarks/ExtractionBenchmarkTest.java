package nl.kamerstroom.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/** Smoke test: the benchmark methods work on a tiny corpus; JMH itself only runs from BenchmarkMain. */
class ExtractionBenchmarkTest {

  @Test
  void benchmarkMethodsRunOnACorpus(@TempDir Path corpus) throws IOException {
    Files.writeString(corpus.resolve("a.txt"), "De Minister van Buitenlandse Zaken en Oekraïne: 300 miljoen euro.");
    ExtractionBenchmark b = ExtractionBenchmark.prepared(corpus);
    assertThat(b.baselineCountSpaces()).isEqualTo(9);
    b.extraction(new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    assertThat(Corpus.load(corpus).utf8Bytes()).isEqualTo(66);
  }

  @Test
  void corpusComesFromTheEnvironmentOrTheRepository(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("benchmarks/target"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    assertThat(Corpus.locate(null, repo.resolve("benchmarks/target")))
        .isEqualTo(repo.resolve("extraction/corpus/sample"));
    assertThat(Corpus.locate("/data/corpus", repo)).isEqualTo(Path.of("/data/corpus"));
  }
}
