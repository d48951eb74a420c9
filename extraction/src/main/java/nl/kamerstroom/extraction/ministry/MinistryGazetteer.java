package nl.kamerstroom.extraction.ministry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import nl.kamerstroom.extraction.Ministry;
import nl.kamerstroom.extraction.text.Tsv;

/** Loads ministries.tsv (the ministries) and ministry-names.tsv (names, abbreviations, portfolios). */
public final class MinistryGazetteer {

  private static final String TOOI_BASE = "https://identifier.overheid.nl/tooi/id/ministerie/";

  private final Map<String, Ministry> byCode;
  private final Map<String, MinistryName> names;

  private MinistryGazetteer(Map<String, Ministry> byCode, Map<String, MinistryName> names) {
    this.byCode = Map.copyOf(byCode);
    this.names = Map.copyOf(names);
  }

  public static MinistryGazetteer load() {
    Map<String, Ministry> byCode = new HashMap<>();
    for (String[] row : Tsv.read(MinistryGazetteer.class, "/nl/kamerstroom/extraction/ministries.tsv")) {
      String tooi = Tsv.field(row, 2);
      byCode.put(Tsv.field(row, 0), new Ministry(Tsv.field(row, 0), Tsv.field(row, 1),
          tooi.isEmpty() ? null : TOOI_BASE + tooi, year(Tsv.field(row, 3)), year(Tsv.field(row, 4))));
    }
    Map<String, MinistryName> names = new HashMap<>();
    for (String[] row : Tsv.read(MinistryGazetteer.class, "/nl/kamerstroom/extraction/ministry-names.tsv")) {
      Ministry m = byCode.get(Tsv.field(row, 1));
      if (m == null) {
        throw new IllegalStateException("ministry-names.tsv names unknown code " + Tsv.field(row, 1));
      }
      names.put(Tsv.field(row, 0), new MinistryName(m, "office".equals(Tsv.field(row, 2))));
    }
    return new MinistryGazetteer(byCode, names);
  }

  private static Integer year(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }

  public List<Ministry> ministries() {
    return List.copyOf(byCode.values());
  }

  /** Feeds every surface form with its name to a trie builder. */
  public void forEachName(BiConsumer<String, MinistryName> sink) {
    names.forEach(sink);
  }
}
