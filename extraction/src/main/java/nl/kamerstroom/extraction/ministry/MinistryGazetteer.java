package nl.kamerstroom.extraction.ministry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import nl.kamerstroom.extraction.Ministry;
import nl.kamerstroom.extraction.MinistryMention;
import nl.kamerstroom.extraction.text.Tsv;

/** Loads ministries.tsv (the ministries) and ministry-names.tsv (names, abbreviations, portfolios). */
public final class MinistryGazetteer {

  private static final String TOOI_BASE = "https://identifier.overheid.nl/tooi/id/ministerie/";

  private final Map<String, Ministry> byCode;
  private final Map<String, MinistryName> names;
  /** By a ministry's code: the ministry that hosted its portfolio's minister before it existed (VRO: BZK). */
  private final Map<String, Ministry> hostBefore;

  private MinistryGazetteer(Map<String, Ministry> byCode, Map<String, MinistryName> names,
      Map<String, Ministry> hostBefore) {
    this.byCode = Map.copyOf(byCode);
    this.names = Map.copyOf(names);
    this.hostBefore = Map.copyOf(hostBefore);
  }

  public static MinistryGazetteer load() {
    Map<String, Ministry> byCode = new HashMap<>();
    for (String[] row : Tsv.read(MinistryGazetteer.class, "/nl/kamerstroom/extraction/ministries.tsv")) {
      String tooi = Tsv.field(row, 2);
      byCode.put(Tsv.field(row, 0), new Ministry(Tsv.field(row, 0), Tsv.field(row, 1),
          tooi.isEmpty() ? null : TOOI_BASE + tooi, year(Tsv.field(row, 3)), year(Tsv.field(row, 4))));
    }
    Map<String, Ministry> hostBefore = new HashMap<>();
    for (String[] row : Tsv.read(MinistryGazetteer.class, "/nl/kamerstroom/extraction/ministries.tsv")) {
      if (!Tsv.field(row, 5).isEmpty()) {
        hostBefore.put(Tsv.field(row, 0), byCode.get(Tsv.field(row, 5)));
      }
    }
    Map<String, MinistryName> names = new HashMap<>();
    for (String[] row : Tsv.read(MinistryGazetteer.class, "/nl/kamerstroom/extraction/ministry-names.tsv")) {
      Ministry m = byCode.get(Tsv.field(row, 1));
      if (m == null) {
        throw new IllegalStateException("ministry-names.tsv names unknown code " + Tsv.field(row, 1));
      }
      names.put(Tsv.field(row, 0), new MinistryName(m, "office".equals(Tsv.field(row, 2))));
    }
    return new MinistryGazetteer(byCode, names, hostBefore);
  }

  private static Integer year(String s) {
    return s.isEmpty() ? null : Integer.valueOf(s);
  }

  /**
   * "de minister voor Volkshuisvesting en Ruimtelijke Ordening" in a 2023 debate: a minister for a portfolio
   * whose ministry did not exist yet in the document's year sat at the ministry that hosted the portfolio
   * (BZK), so the mention is that ministry's. Mentions after "van", and all when the date is unknown, stay.
   */
  public List<MinistryMention> datedTo(List<MinistryMention> mentions, LocalDate date) {
    if (date == null) {
      return mentions;
    }
    List<MinistryMention> dated = null;
    for (int k = 0; k < mentions.size(); k++) {
      MinistryMention m = mentions.get(k);
      Ministry host = hostBefore.get(m.ministry().code());
      if (host != null && date.getYear() < m.ministry().fromYear() && isPortfolio(m.text())) {
        dated = dated == null ? new ArrayList<>(mentions) : dated;
        dated.set(k, new MinistryMention(m.text(), m.start(), m.end(), host));
      }
    }
    return dated == null ? mentions : dated;
  }

  /** "minister voor VRO", "staatssecretaris voor …": an office for a portfolio, not of a ministry. */
  private static boolean isPortfolio(String mention) {
    String lower = mention.toLowerCase(Locale.ROOT);
    return (lower.startsWith("minister") || lower.startsWith("staatssecretaris")) && lower.contains(" voor ");
  }

  public List<Ministry> ministries() {
    return List.copyOf(byCode.values());
  }

  /** Feeds every surface form with its name to a trie builder. */
  public void forEachName(BiConsumer<String, MinistryName> sink) {
    names.forEach(sink);
  }
}
