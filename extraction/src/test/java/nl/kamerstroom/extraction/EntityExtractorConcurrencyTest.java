package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One extractor shared by several threads gives each the same result as a single thread would. */
class EntityExtractorConcurrencyTest {

  @Test
  void sharedExtractorIsThreadSafe() throws Exception {
    EntityExtractor extractor = EntityExtractor.create();
    String text = "De Minister van Buitenlandse Zaken sprak over Oekraïne en de Verenigde Staten, over de motie-"
        + "Kuzu (36045, nr. 53) en over 300 miljoen euro. Naam: 5.1.2e.";
    Extraction expected = extractor.extract(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Extraction>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> extractor.extract(text)));
      }
      for (Future<Extraction> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.ministries()).hasSize(1);
    assertThat(expected.countries()).hasSize(2);
    assertThat(expected.motions()).hasSize(1);
    assertThat(expected.amounts()).hasSize(1);
    assertThat(expected.redactions()).hasSize(1);
  }
}
