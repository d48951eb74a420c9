package nl.kamerstroom.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link ExtractionBenchmark} with JMH and prints MB/s for extraction and baseline and their ratio. */
final class ExtractionBenchmarkRun {

  private ExtractionBenchmarkRun() {}

  static void run(Path corpusDir, PrintStream out) throws RunnerException {
    Corpus corpus = Corpus.load(corpusDir);
    long bytes = corpus.utf8Bytes();
    // one fork, one thread: a per-core figure. 8 x 3 s of warm-up because on a busy 2-core machine C2
    // needs 15-20 s before the scanners reach full speed (throughput still doubled after 5 x 3 s); then
    // 5 x 2 s measurements, hundreds of operations each on the 190 KB corpus
    Options options = new OptionsBuilder()
        .include(ExtractionBenchmark.class.getName() + "\\.")
        .forks(1)
        .threads(1)
        .warmupIterations(8).warmupTime(TimeValue.seconds(3))
        .measurementIterations(5).measurementTime(TimeValue.seconds(2))
        .jvmArgsAppend("-D" + Corpus.PROPERTY + "=" + corpusDir.toAbsolutePath())
        .build();
    Collection<RunResult> results = new Runner(options).run();
    double extraction = 0;
    double baseline = 0;
    for (RunResult r : results) {
      double mbPerSecond = r.getPrimaryResult().getScore() * bytes / 1e6;
      if (r.getParams().getBenchmark().endsWith(".extraction")) {
        extraction = mbPerSecond;
      } else {
        baseline = mbPerSecond;
      }
    }
    out.printf("%nCorpus: %s (%d files, %.2f MB UTF-8)%n", corpusDir, corpus.texts().size(), bytes / 1e6);
    out.printf("extraction            %10.1f MB/s (one thread)%n", extraction);
    out.printf("baseline (count ' ')  %10.1f MB/s%n", baseline);
    out.printf("ratio baseline/extraction %6.1f x%n", extraction == 0 ? Double.NaN : baseline / extraction);
  }
}
