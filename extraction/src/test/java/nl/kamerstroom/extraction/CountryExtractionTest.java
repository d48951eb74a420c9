package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountryExtractionTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  private static List<String> codes(String text) {
    return EXTRACTOR.extract(text).countries().stream().map(CountryMention::iso2).toList();
  }

  @Test
  void dutchEnglishAndVariantNames() {
    assertThat(codes("Oekraïne, Oekraine, Ukraine, Verenigde Staten, VS, the Netherlands, "
        + "Democratische Republiek Congo, Zuid-Afrika, Kosovo, Türkiye, Curacao, Palestijnse gebieden"))
        .containsExactly("UA", "UA", "UA", "US", "US", "NL", "CD", "ZA", "XK", "TR", "CW", "PS");
  }

  @Test
  void everyIsoCountryIsKnownByItsJdkDutchName() {
    Locale dutch = Locale.forLanguageTag("nl");
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(dutch);
      assertThat(codes("In " + name + " ook.")).as(name).containsExactly(code);
    }
  }

  @Test
  void nounsOnlyNotAdjectivesCompoundsRegionsOrOrganisations() {
    assertThat(codes("Russisch gas, Nederlandse natuur, Oekraïners, Oekraïnefaciliteit, Europa, "
        + "Midden-Oosten, Verenigde Naties, nederland, Sahel")).isEmpty();
  }

  @Test
  void hyphenatedPairsFootnoteNumbersAndLongestName() {
    assertThat(codes("Rusland-Oekraïne, Soedan40, Zuid-Soedan, Caribisch Nederland, Verenigde\nStaten"))
        .containsExactly("RU", "UA", "SD", "SS", "BQ", "US");
  }

  @Test
  void airlinesNamedAfterTheirCountryAreCompaniesAndNorthernIrelandIsTheUnitedKingdom() {
    assertThat(codes("de steun aan Air France-KLM, een vlucht van Air India, Frankrijk als aandeelhouder, "
        + "de grens met Noord-Ierland")).containsExactly("FR", "GB");
  }
}
