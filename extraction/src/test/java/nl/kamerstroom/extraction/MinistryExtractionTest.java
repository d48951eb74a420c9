package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinistryExtractionTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  private static List<String> codes(String text) {
    return EXTRACTOR.extract(text).ministries().stream().map(m -> m.ministry().code()).toList();
  }

  @Test
  void fullNamesOfficesAndAbbreviations() {
    assertThat(codes("De Minister van Buitenlandse Zaken, het Ministerie van Algemene Zaken, BuZa en Def, "
        + "JenV, IenW, Afdeling: BZK, het SZW-domein, MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES"))
        .containsExactly("BZ", "AZ", "BZ", "DEF", "JENV", "IENW", "BZK", "SZW", "BZK");
  }

  @Test
  void abbreviationsAreWholeCaseExactTokens() {
    assertThat(codes("Defensie")).containsExactly("DEF");
    assertThat(codes("het AZC in Ter Apel, def, BZDOC-123, p.rozenberg@minaz.nl, minbzk.nl")).isEmpty();
  }

  @Test
  void portfoliosMapToTheMinistryThatHousesThePost() {
    assertThat(codes("de minister voor Medische Zorg en de Minister voor Buitenlandse Handel en "
        + "Ontwikkelingssamenwerking en de Minister voor BHOS")).containsExactly("VWS", "BZ", "BZ");
    assertThat(codes("Ontwikkelingssamenwerking is een beleidsterrein; Medische Zorg ook.")).isEmpty();
  }

  @Test
  void rejectsCouncilsCommitteesForeignMinistersStateFinancesAndPolicyFields() {
    assertThat(codes("de Raad Buitenlandse Zaken, de Raad Algemene Zaken, de vaste commissie voor "
        + "Buitenlandse Zaken, de Oekraïense minister van Buitenlandse Zaken, ’s Rijks Financiën, "
        + "justitie, defensie, migratie, minister-president, Onderwijsbegroting, de minister van Buitenlandse "
        + "Zaken van Oekraïne, de minister van Defensie van de Verenigde Staten")).isEmpty();
  }

  @Test
  void budgetAndNameAcrossLineBreak() {
    Extraction e = EXTRACTOR.extract("de begroting Defensie, de begroting van Veiligheid en Justitie en de "
        + "Minister van Binnenlandse\nZaken");
    assertThat(e.ministries()).extracting(MinistryMention::text)
        .containsExactly("begroting Defensie", "begroting van Veiligheid en Justitie", "Minister van Binnenlandse Zaken");
  }

  @Test
  void ministryCarriesOfficialNameTooiUriAndPeriod() {
    Ministry bzk = EXTRACTOR.extract("BZK").ministries().getFirst().ministry();
    assertThat(bzk.officialName()).isEqualTo("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties");
    assertThat(bzk.tooiUri()).isEqualTo("https://identifier.overheid.nl/tooi/id/ministerie/mnre1034");
    assertThat(bzk.fromYear()).isEqualTo(1998);
    Ministry vrom = EXTRACTOR.extract("het ministerie van VROM").ministries().getFirst().ministry();
    assertThat(vrom.toYear()).isEqualTo(2010);
    assertThat(EXTRACTOR.ministries()).extracting(Ministry::code)
        .contains("AZ", "BZ", "BZK", "DEF", "EZK", "EZ", "FIN", "IENW", "JENV", "LNV", "LVVN", "OCW", "SZW", "VWS",
            "KGG", "VRO", "AENM", "IENM", "VENJ", "VENW", "VROM", "JUS", "ELI");
  }

  @Test
  void portfoliosOfTheLastCabinets() {
    assertThat(codes("de minister voor Langdurige Zorg en Sport, de staatssecretaris van Funderend Onderwijs en "
        + "Emancipatie, de staatssecretaris van Openbaar Vervoer en Milieu, de staatssecretaris voor Mijnbouw; "
        + "Mijnbouw en Openbaar Vervoer"))
        .containsExactly("VWS", "OCW", "IENW", "EZK");
  }

  @Test
  void aMinisterForAPortfolioBeforeItsMinistryExistedIsTheHostMinistrys() {
    String letter = "> Retouradres Postbus 20011 2500 EA Den Haag\n\nDatum\n%s\nBetreft\nWoningbouw\n\nGeachte "
        + "Voorzitter,\n\nDe minister voor Volkshuisvesting en Ruimtelijke Ordening en de Minister van "
        + "Volkshuisvesting en Ruimtelijke Ordening schrijven.";
    assertThat(codes(letter.formatted("12 april 2023"))).containsExactly("BZK", "VRO");
    assertThat(codes(letter.formatted("12 april 2025"))).containsExactly("VRO", "VRO");
    assertThat(codes("De minister voor Volkshuisvesting en Ruimtelijke Ordening (zonder datum)."))
        .containsExactly("VRO");
  }
}
