package nl.kamerstroom.extraction.country;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import nl.kamerstroom.extraction.text.Tsv;

/**
 * Country names: every ISO 3166-1 code with the JDK's Dutch and English display names (the JDK's locale
 * data is the maintained source, so new names arrive with JDK updates), plus country-variants.tsv, minus
 * country-exclusions.tsv.
 */
public final class CountryGazetteer {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final Map<String, CountryName> names;

  private CountryGazetteer(Map<String, CountryName> names) {
    this.names = Map.copyOf(names);
  }

  public static CountryGazetteer load() {
    Set<String> excluded = new HashSet<>();
    for (String[] row : Tsv.read(CountryGazetteer.class, "/nl/kamerstroom/extraction/country-exclusions.tsv")) {
      excluded.add(Tsv.field(row, 0));
    }
    Map<String, CountryName> names = new LinkedHashMap<>();
    Map<String, String> dutchByCode = new LinkedHashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      String dutch = country.getDisplayCountry(DUTCH);
      dutchByCode.put(code, dutch);
      CountryName name = new CountryName(code, dutch);
      addName(names, Set.of(), dutch, name);
      addName(names, excluded, country.getDisplayCountry(Locale.ENGLISH), name);
    }
    for (String[] row : Tsv.read(CountryGazetteer.class, "/nl/kamerstroom/extraction/country-variants.tsv")) {
      String code = Tsv.field(row, 1);
      String dutch = dutchByCode.getOrDefault(code, Tsv.field(row, 0));
      names.put(Tsv.field(row, 0), new CountryName(code, dutch));
    }
    return new CountryGazetteer(names);
  }

  /** Adds a display name, and its short form without a parenthesised or "SAR" tail ("Myanmar (Birma)"). */
  private static void addName(Map<String, CountryName> names, Set<String> excluded, String display,
      CountryName name) {
    if (display.isEmpty() || display.length() == 2 || excluded.contains(display)) {
      return;
    }
    names.putIfAbsent(display, name);
    int cut = display.indexOf(" (");
    if (cut > 0) {
      names.putIfAbsent(display.substring(0, cut), name);
    }
  }

  public void forEachName(BiConsumer<String, CountryName> sink) {
    names.forEach(sink);
  }
}
