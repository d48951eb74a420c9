package nl.kamerstroom.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmountExtractionTest {

  private static final EntityExtractor EXTRACTOR = EntityExtractor.create();

  private static List<String> amounts(String text) {
    return EXTRACTOR.extract(text).amounts().stream()
        .map(a -> a.value().toPlainString() + " " + a.currency()).toList();
  }

  @Test
  void formatsScalesSymbolsAndCodes() {
    assertThat(amounts("300 miljoen euro; EUR 1,8 miljard; € 2,5 mln; € 1.250.000; 100 miljard USD; "
        + "ruim EUR 0,5 miljard; €45.000; USD 98 miljoen; 10 miljard dollar; EUR 5,69 mld.; € 45.000,-"))
        .containsExactly("300000000 EUR", "1800000000 EUR", "2500000 EUR", "1250000 EUR", "100000000000 USD",
            "500000000 EUR", "45000 EUR", "98000000 USD", "10000000000 USD", "5690000000 EUR", "45000 EUR");
  }

  @Test
  void numberWordsAndRanges() {
    assertThat(amounts("vier miljard euro; vijfentwintig miljoen euro; €6.000 tot €7.000; drie tot vier "
        + "miljard euro"))
        .containsExactly("4000000000 EUR", "25000000 EUR", "6000 EUR", "7000 EUR", "3000000000 EUR",
            "4000000000 EUR");
  }

  @Test
  void notAmounts() {
    assertThat(amounts("4 miljoen mensen, 2,5 miljoen voltijdbanen, 16,3%, iedere euro, miljoenen euro, "
        + "honderden miljoenen, bedrag x EUR miljoen 2022 2023, de EUR in Rotterdam, 8 miljoen hectare, "
        + "(bedragen x € 1.000), bedragen in € 1 mln, x € 1 mln"))
        .isEmpty();
  }

  @Test
  void splitAcrossLinesKeepsOriginalOffsets() {
    String text = "verwacht ten minste EUR 900\nmiljoen aan klimaatfinanciering";
    AmountMention a = EXTRACTOR.extract(text).amounts().getFirst();
    assertThat(a.text()).isEqualTo("EUR 900 miljoen");
    assertThat(text.substring(a.start(), a.end())).isEqualTo("EUR 900\nmiljoen");
    assertThat(a.value()).isEqualByComparingTo("900000000");
  }

  @Test
  void guildersHalvesGluedScalesAndRangesAfterASymbol() {
    assertThat(EXTRACTOR.extract("ƒ 25 miljoen, fl. 40 mln., 12 miljoen gulden, anderhalf miljard euro, "
        + "tweeënhalf miljard euro, €150mln, EUR 1.5 billion, € 5 tot 10 miljoen.").amounts())
        .extracting(a -> a.value().toPlainString(), AmountMention::currency).containsExactly(
            tuple("25000000", "NLG"), tuple("40000000", "NLG"),
            tuple("12000000", "NLG"), tuple("1500000000", "EUR"),
            tuple("2500000000", "EUR"), tuple("150000000", "EUR"),
            tuple("1500000000", "EUR"), tuple("5000000", "EUR"),
            tuple("10000000", "EUR"));
  }

  @Test
  void everyIsoCodeForeignCurrencyWordsAndPounds() {
    assertThat(amounts("XOF 1.000; RMB 3,2 miljoen; 700 miljoen pond; 5 miljoen Zwitserse frank; "
        + "2 miljard roebel; 40 miljoen Canadese dollar; 250.000 CFA-frank; 12 miljoen HUF; BRL 3 miljard"))
        .containsExactly("1000 XOF", "3200000 CNY", "700000000 GBP", "5000000 CHF", "2000000000 RUB",
            "40000000 CAD", "250000 XOF", "12000000 HUF", "3000000000 BRL");
  }

  @Test
  void aCodeOrSymbolBeforeTheNextNumberIsNoUnitOfAYear() {
    assertThat(amounts("bedragen voor 2016 € 65 miljoen en voor 2017 EUR 35 mln. Zij worden"))
        .containsExactly("65000000 EUR", "35000000 EUR");
    assertThat(amounts("het TOP 2000-programma, ALL 5 leden, SOS 112, PHP 8, SDG 13")).isEmpty();
  }

  @Test
  void numberWordsBeforeACurrencyTonsRangesWithTussenAndBudgetUnits() {
    assertThat(amounts("ongeveer dertig euro; honderdduizend euro; ontvangt twee ton; een euro per liter; "
        + "duizenden euro's; twee ton CO2; de oogst daalde met duizend ton; al snel anderhalve ton."))
        .containsExactly("30 EUR", "100000 EUR", "200000 EUR", "150000 EUR");
    assertThat(amounts("tussen de € 10 en € 20 miljoen; € 5 tot € 7 miljoen; verhoogd met € 25.000 (x € 1.000)."))
        .containsExactly("10000000 EUR", "20000000 EUR", "5000000 EUR", "7000000 EUR", "25000000 EUR");
  }

  @Test
  void centsQuartersGuildersAsHflAndEnglishLetterScalesAfterASymbol() {
    assertThat(amounts("5 eurocent; 50 cent per liter; een kwart miljard euro; driekwart miljoen euro; Hfl. 25 "
        + "miljoen; €5m; $2.5m; €50k; 40 miljoen US dollar"))
        .containsExactly("0.05 EUR", "0.5 EUR", "250000000 EUR", "750000 EUR", "25000000 NLG", "5000000 EUR",
            "2500000 USD", "50000 EUR", "40000000 USD");
    assertThat(amounts("5m hoog, 5k lopen, 10 km, 12e plaats")).isEmpty();
  }

  @Test
  void anAccountantsMinusMakesASumNegative() {
    assertThat(amounts("valt mee: -/- € 30 mln bij Defensie, -/-€ 212 mln bij IenW; het saldo -/- 3,7% bbp"))
        .containsExactly("-30000000 EUR", "-212000000 EUR");
    assertThat(amounts("de periode 2020-/- € 5 mln")).containsExactly("5000000 EUR");
  }

  @Test
  void halvesAboveOneBeforeACurrencyWordButNoFractionBelowOne() {
    assertThat(amounts("anderhalve euro per dag; een half euro; een kwart euro; tweeënhalf euro"))
        .containsExactly("1.5 EUR", "2.5 EUR");
  }

  @Test
  void aCodeInParenthesesNamesTheCurrencyOfAWord() {
    assertThat(amounts("trekt 300 miljoen shilling (KES) uit; 5 miljoen dollar (CAD); 40 miljoen mensen (EU)"))
        .containsExactly("300000000 KES", "5000000 CAD");
  }

  @Test
  void aCurrencyWordOfSeveralCountriesGoesByTheCountryNamedBefore() {
    assertThat(amounts("In Pakistan is de noodtoestand uitgeroepen; de kosten: 7,3 miljard roepie."))
        .containsExactly("7300000000 PKR");
    assertThat(amounts("Sri Lanka en later India: 20 miljoen roepies")).containsExactly("20000000 INR");
    assertThat(amounts("de kosten: 50 miljoen roepie")).containsExactly("50000000 INR");
  }
}
