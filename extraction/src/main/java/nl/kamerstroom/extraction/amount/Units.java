package nl.kamerstroom.extraction.amount;

import java.math.BigDecimal;
import nl.kamerstroom.extraction.text.NormalizedText;

/** Scale words ("miljoen", "mld.") and currency words, symbols and codes at a position. */
final class Units {

  /** A unit found at a position: its value (multiplier or ISO code) and where it ends. */
  record Found<T>(T value, int end) {}

  private static final String[][] SCALES = {
      {"miljoen", "1000000"}, {"miljard", "1000000000"}, {"biljoen", "1000000000000"}, {"duizend", "1000"},
      {"mln", "1000000"}, {"mio", "1000000"}, {"mld", "1000000000"}, {"mrd", "1000000000"},
      {"mlrd", "1000000000"}, {"million", "1000000"}, {"billion", "1000000000"}, {"bn", "1000000000"}};
  /** Longest first where one is a prefix of another. */
  private static final String[][] CURRENCY_WORDS = {
      {"euro's", "EUR"}, {"euro", "EUR"}, {"EUR", "EUR"}, {"€", "EUR"},
      {"Amerikaanse dollars", "USD"}, {"Amerikaanse dollar", "USD"}, {"US-dollars", "USD"}, {"US-dollar", "USD"}, {"dollars", "USD"}, {"dollar", "USD"},
      {"USD", "USD"}, {"US$", "USD"}, {"$", "USD"}, {"Britse pond", "GBP"}, {"GBP", "GBP"}, {"£", "GBP"},
      {"Zwitserse frank", "CHF"}, {"CHF", "CHF"}, {"yen", "JPY"}, {"JPY", "JPY"}, {"yuan", "CNY"},
      {"CNY", "CNY"}, {"Antilliaanse gulden", "ANG"}, {"Arubaanse florin", "AWG"}, {"Deense kronen", "DKK"},
      {"Deense kroon", "DKK"}, {"Zweedse kronen", "SEK"}, {"Zweedse kroon", "SEK"}, {"Noorse kronen", "NOK"},
      {"Noorse kroon", "NOK"}, {"guldens", "NLG"}, {"gulden", "NLG"}, {"NLG", "NLG"}, {"ANG", "ANG"},
      {"AWG", "AWG"}, {"DKK", "DKK"}, {"SEK", "SEK"}, {"NOK", "NOK"}, {"PLN", "PLN"}, {"CAD", "CAD"},
      {"AUD", "AUD"}, {"XCD", "XCD"}};
  /** Before the number: symbols and codes only ("EUR 900 miljoen", "€45.000", "US$ 5"). */
  private static final String[][] CURRENCY_PREFIXES = {
      {"€", "EUR"}, {"EURO", "EUR"}, {"EUR", "EUR"}, {"US$", "USD"}, {"$", "USD"}, {"USD", "USD"}, {"£", "GBP"},
      {"GBP", "GBP"}, {"CHF", "CHF"}, {"JPY", "JPY"}, {"\u0192", "NLG"}, {"fl.", "NLG"}, {"NLG", "NLG"},
      // the Kingdom's other currencies (Aruba, Curaçao and Sint Maarten, Caribbean Netherlands uses USD) and
      // the neighbours' that Kamerbrieven on EU and North Sea projects quote
      {"AWG", "AWG"}, {"ANG", "ANG"}, {"XCD", "XCD"}, {"DKK", "DKK"}, {"SEK", "SEK"}, {"NOK", "NOK"},
      {"PLN", "PLN"}, {"CAD", "CAD"}, {"AUD", "AUD"}};

  private Units() {}

  /** A scale word after a number ending at p, with a space between or glued on ("150mln"); else null. */
  static Found<BigDecimal> scaleAfterNumber(NormalizedText t, int p) {
    return t.at(p) == ' ' ? scale(t, p + 1) : Character.isLetter(t.at(p)) ? scale(t, p) : null;
  }

  static Found<BigDecimal> scale(NormalizedText t, int p) {
    char first = Character.toLowerCase(t.at(p));
    char second = Character.toLowerCase(t.at(p + 1));
    boolean candidate = first == 'm' ? second == 'i' || second == 'l' || second == 'r'
        : first == 'd' ? second == 'u' : first == 'b' && (second == 'i' || second == 'n');
    if (!candidate) {
      return null; // cheap reject: miljoen/mln/mrd/million, duizend, biljoen/billion/bn
    }
    for (String[] s : SCALES) {
      if (t.regionMatchesIgnoreCase(p, s[0]) && !Character.isLetter(t.at(p + s[0].length()))) {
        int end = p + s[0].length();
        if (t.at(end) == '.' && s[0].length() == 3) {
          end++;
        }
        return new Found<>(new BigDecimal(s[1]), end);
      }
    }
    return null;
  }

  static Found<String> currencyAfter(NormalizedText t, int p) {
    char c = t.at(p);
    if (Character.isLetter(c) && "eEdDuUaAbBgGzZcCyYjJnNsSpPxX".indexOf(c) < 0) {
      return null; // cheap reject before trying every currency word
    }
    return match(t, p, CURRENCY_WORDS);
  }

  static Found<String> currencyBefore(NormalizedText t, int p) {
    return match(t, p, CURRENCY_PREFIXES);
  }

  private static Found<String> match(NormalizedText t, int p, String[][] table) {
    for (String[] c : table) {
      String w = c[0];
      boolean code = w.length() == 3 && Character.isUpperCase(w.charAt(0)) && Character.isUpperCase(w.charAt(2));
      boolean hit = code ? t.regionMatches(p, w) : t.regionMatchesIgnoreCase(p, w);
      if (hit && (!Character.isLetter(w.charAt(w.length() - 1)) || !Character.isLetter(t.at(p + w.length())))) {
        return new Found<>(c[1], p + w.length());
      }
    }
    return null;
  }
}
