package nl.kamerstroom.extraction.country;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import nl.kamerstroom.extraction.text.Tsv;

/**
 * Country names: every ISO 3166-1 code with the JDK's Dutch and English display names (the JDK's locale
 * data is the maintained source, so new names arrive with JDK updates), plus country-variants.tsv, minus
 * country-exclusions.tsv. Beside them the names that hold a country's name but name a company
 * ({@link #forEachNonCountry}): an airline named "Air" + the country ("Air France-KLM", "Air India").
 */
public final class CountryGazetteer {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  /** Airlines carry their country's English name after this word: "Air France", "Air Canada", "Air China". */
  private static final String AIRLINE = "Air ";

  private final Map<String, CountryName> names;
  private final Set<String> nonCountries;

  private CountryGazetteer(Map<String, CountryName> names, Set<String> nonCountries) {
    this.names = Map.copyOf(names);
    this.nonCountries = Set.copyOf(nonCountries);
  }

  public static CountryGazetteer load() {
    Set<String> excluded = new HashSet<>();
    for (String[] row : Tsv.read(CountryGazetteer.class, "/nl/kamerstroom/extraction/country-exclusions.tsv")) {
      excluded.add(Tsv.field(row, 0));
    }
    Map<String, CountryName> names = new LinkedHashMap<>();
    Map<String, String> dutchByCode = new LinkedHashMap<>();
    Set<String> airlines = new HashSet<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      String dutch = country.getDisplayCountry(DUTCH);
      dutchByCode.put(code, dutch);
      CountryName name = new CountryName(code, dutch);
      addName(names, Set.of(), dutch, name);
      String english = country.getDisplayCountry(Locale.ENGLISH);
      addName(names, excluded, english, name);
      airlines.add(AIRLINE + english);
    }
    for (String[] row : Tsv.read(CountryGazetteer.class, "/nl/kamerstroom/extraction/country-variants.tsv")) {
      String code = Tsv.field(row, 1);
      String dutch = dutchByCode.getOrDefault(code, Tsv.field(row, 0));
      names.put(Tsv.field(row, 0), new CountryName(code, dutch));
    }
    return new CountryGazetteer(names, airlines);
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

  /** Names that contain a country's name but are no mention of it: matched as a whole, they hide it. */
  public void forEachNonCountry(Consumer<String> sink) {
    nonCountries.forEach(sink);
  }
}
