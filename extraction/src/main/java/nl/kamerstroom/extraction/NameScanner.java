package nl.kamerstroom.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The trie's value for a name that hides the country inside it ("Air France"): the walk skips it. */
  private static final Object NOT_A_COUNTRY = new Object();
  /** Names shorter than this ("Fin", "BuZa", "OCenW") are abbreviations: never matched in lower case. */
  private static final int LOWER_CASE_MIN_LENGTH = 7;
  /** Chars that put a word inside a URL or path ("COM:2016:50:FIN", "/NL/TXT"): no names there. */
  private static final String URL_CHARS = "/:=?&";

  private final Trie<Object> trie;
  /** Full ministry names in lower case, matched in any capitalisation, only after an office word. */
  private final Trie<MinistryName> lowerCaseMinistries;
  /** Lower-case office words a lower-case ministry name follows: "minister(ie)", "staatssecretaris". */
  private static final List<String> OFFICE_PREFIXES = List.of("mi", "st");
  /** Word-start chars that can begin a name: by the trie's case rule, capitals (see Trie#firstChars). */
  private final String anchors;

  private NameScanner(Trie<Object> trie, Trie<MinistryName> lowerCaseMinistries) {
    this.trie = trie;
    this.lowerCaseMinistries = lowerCaseMinistries;
    this.anchors = trie.firstChars();
  }

  static NameScanner of(MinistryGazetteer ministries, CountryGazetteer countries) {
    Trie.Builder<Object> b = Trie.builder();
    countries.forEachName(b::add);
    countries.forEachNonCountry(name -> b.add(name, NOT_A_COUNTRY));
    ministries.forEachName(b::add);
    Trie.Builder<MinistryName> lower = Trie.builder();
    ministries.forEachName((surface, name) -> {
      if (surface.length() >= LOWER_CASE_MIN_LENGTH) {
        lower.add(surface.toLowerCase(Locale.ROOT), name);
      }
    });
    return new NameScanner(b.build(), lower.build());
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
    public List<String> wordStartPrefixes() {
      return OFFICE_PREFIXES;
    }

    @Override
    public int at(NormalizedText t, int i) {
      char c = t.charAt(i);
      if (c == 'm' || c == 's' || c == 'M' || c == 'S') {
        int resume = lowerCaseOffice(t, i);
        if (resume > i || Character.isLowerCase(c)) {
          return Math.max(resume, i + 1);
        }
      }
      if (URL_CHARS.indexOf(t.at(i - 1)) >= 0) {
        return i + 1;
      }
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

    /**
     * "minister buitenlandse zaken", "ministerie van volksgezondheid": an office word at {@code i} followed
     * by a ministry name the capitalised gazetteer does not match; returns where the pass resumes (i when
     * there is no such name: a properly capitalised one is left to the gazetteer walk).
     */
    private int lowerCaseOffice(NormalizedText t, int i) {
      int nameStart = MinistryFinder.afterOffice(t, i);
      if (nameStart < 0) {
        return i;
      }
      Trie.Match<MinistryName> lower = lowerCaseMinistries.longestAt(t, nameStart);
      if (lower == null) {
        return i;
      }
      Trie.Match<Object> proper = trie.longestAt(t, nameStart);
      if (proper != null && proper.end() >= lower.end()) {
        return i;
      }
      MinistryMention mention = MinistryFinder.office(t, i, lower.end(), lower.entry().value());
      if (mention != null) {
        ministries.add(mention);
      }
      return pairedLowerCaseOffice(t, lower.end());
    }

    /** "de ministers van buitenlandse zaken en voor ontwikkelingssamenwerking": the second of the pair. */
    private int pairedLowerCaseOffice(NormalizedText t, int end) {
      int p = t.regionMatches(end, " en van ") ? end + 8 : t.regionMatches(end, " en voor ") ? end + 9 : -1;
      Trie.Match<MinistryName> second = p < 0 ? null : lowerCaseMinistries.longestAt(t, p);
      if (second == null || trie.longestAt(t, p) != null) {
        return end; // none, or capitalised: the gazetteer walk finds it
      }
      int start = end + 4; // "van"/"voor" starts the second office
      ministries.add(new MinistryMention(t.surface(start, second.end()), t.originalStart(start),
          t.originalEnd(second.end()), second.entry().value().ministry()));
      return second.end();
    }
  }
}
