package nl.kamerstroom.extraction;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.country.CountryGazetteer;
import nl.kamerstroom.extraction.country.CountryName;
import nl.kamerstroom.extraction.ministry.MinistryFinder;
import nl.kamerstroom.extraction.ministry.MinistryGazetteer;
import nl.kamerstroom.extraction.ministry.MinistryName;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Trie;

/**
 * Ministries and countries: one trie holds both gazetteers, walked from every word start that can begin
 * a name (also after a hyphen, so "Rusland-Oekraïne" gives two countries) during the shared
 * {@link AnchorPass}; the longest name wins ("Zuid-Soedan" over "Soedan", "Caribisch Nederland" over
 * "Nederland").
 */
final class NameScanner {

  private final Trie<Object> trie;
  /** Word-start chars that can begin a name: by the trie's case rule, capitals (see Trie#firstChars). */
  private final String anchors;

  private NameScanner(Trie<Object> trie) {
    this.trie = trie;
    this.anchors = trie.firstChars();
  }

  static NameScanner of(MinistryGazetteer ministries, CountryGazetteer countries) {
    Trie.Builder<Object> b = Trie.builder();
    countries.forEachName(b::add);
    ministries.forEachName(b::add);
    return new NameScanner(b.build());
  }

  /** Collects the ministries and countries of one text in the shared pass. */
  Scan scan() {
    return new Scan();
  }

  final class Scan implements AnchorPass.Handler {
    private final List<MinistryMention> ministries = new ArrayList<>();
    private final List<CountryMention> countries = new ArrayList<>();

    List<MinistryMention> ministries() {
      return ministries;
    }

    List<CountryMention> countries() {
      return countries;
    }

    @Override
    public String wordStartAnchors() {
      return anchors;
    }

    @Override
    public int at(NormalizedText t, int i) {
      Trie.Match<Object> m = trie.longestAt(t, i);
      if (m == null) {
        return i + 1;
      }
      if (m.entry().value() instanceof MinistryName name) {
        MinistryMention mention = MinistryFinder.accept(t, m.start(), m.end(), name);
        if (mention != null) {
          ministries.add(mention);
        }
      } else if (m.entry().value() instanceof CountryName country) {
        countries.add(new CountryMention(t.surface(m.start(), m.end()), t.originalStart(m.start()),
            t.originalEnd(m.end()), country.iso2(), country.dutchName()));
      }
      return m.end();
    }
  }
}
