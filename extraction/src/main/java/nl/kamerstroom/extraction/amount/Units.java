package nl.kamerstroom.extraction.amount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.kamerstroom.extraction.text.NormalizedText;

/** Scale words ("miljoen", "mld.") and currency words, symbols and codes at a position. */
final class Units {

  /** A unit found at a position: its value (multiplier or ISO code), where it starts and where it ends. */
  record Found<T>(T value, int start, int end) {

    Found(T value, int end) {
      this(value, -1, end);
    }
  }

  private static final String[][] SCALES = {
      {"miljoen", "1000000"}, {"miljard", "1000000000"}, {"biljoen", "1000000000000"}, {"duizend", "1000"},
      {"mln", "1000000"}, {"mio", "1000000"}, {"mld", "1000000000"}, {"mrd", "1000000000"},
      {"mlrd", "1000000000"}, {"million", "1000000"}, {"billion", "1000000000"}, {"bn", "1000000000"}};
  /**
   * Currency words after a number (matched longest first, in any case; codes of three capitals exactly).
   * Besides these, every ISO 4217 code the JDK knows counts before or after a number ({@link #ISO_CODES}).
   */
  private static final String[][] CURRENCY_WORDS = byLengthDescending(new String[][] {
      {"euro's", "EUR"}, {"euro", "EUR"}, {"€", "EUR"},
      {"Amerikaanse dollars", "USD"}, {"Amerikaanse dollar", "USD"}, {"US-dollars", "USD"}, {"US-dollar", "USD"},
      {"dollars", "USD"}, {"dollar", "USD"}, {"US dollars", "USD"}, {"US dollar", "USD"}, {"US$", "USD"}, {"$", "USD"},
      {"Canadese dollars", "CAD"}, {"Canadese dollar", "CAD"}, {"Australische dollars", "AUD"},
      {"Australische dollar", "AUD"}, {"Surinaamse dollars", "SRD"}, {"Surinaamse dollar", "SRD"},
      {"Hongkongse dollars", "HKD"}, {"Hongkongse dollar", "HKD"}, {"Oost-Caribische dollar", "XCD"},
      {"Britse ponden", "GBP"}, {"Britse pond", "GBP"}, {"pond sterling", "GBP"}, {"ponden", "GBP"},
      {"pond", "GBP"}, {"£", "GBP"},
      {"Zwitserse franken", "CHF"}, {"Zwitserse frank", "CHF"}, {"CFA-franken", "XOF"}, {"CFA-frank", "XOF"},
      {"Belgische franken", "BEF"}, {"Belgische frank", "BEF"}, {"Franse franken", "FRF"}, {"Franse frank", "FRF"},
      {"Duitse mark", "DEM"}, {"D-mark", "DEM"}, {"Japanse yen", "JPY"}, {"yen", "JPY"}, {"renminbi", "CNY"},
      {"yuan", "CNY"}, {"RMB", "CNY"}, {"roebels", "RUB"}, {"roebel", "RUB"}, {"Turkse lira", "TRY"},
      {"roepies", "INR"}, {"roepie", "INR"}, {"hryvnia", "UAH"}, {"zloty", "PLN"}, {"forint", "HUF"},
      {"Antilliaanse gulden", "ANG"}, {"Arubaanse florin", "AWG"}, {"Deense kronen", "DKK"},
      {"Deense kroon", "DKK"}, {"Zweedse kronen", "SEK"}, {"Zweedse kroon", "SEK"}, {"Noorse kronen", "NOK"},
      {"Noorse kroon", "NOK"}, {"guldens", "NLG"}, {"gulden", "NLG"}});
  /**
   * Before the number: symbols, "EURO" and guilders' "fl." / "Hfl." ("€45.000", "fl. 40 mln."); codes see {@link
   * #ISO_CODES}.
   */
  private static final String[][] CURRENCY_PREFIXES = {
      {"€", "EUR"}, {"EURO", "EUR"}, {"US$", "USD"}, {"$", "USD"}, {"£", "GBP"}, {"\u0192", "NLG"},
      {"fl.", "NLG"}, {"Hfl.", "NLG"}, {"hfl.", "NLG"}, {"Hfl", "NLG"}, {"hfl", "NLG"}, {"RMB", "CNY"}};
  /**
   * ISO 4217 codes that are also words or common abbreviations in Dutch government texts, often before a
   * number ("SDG 8" a Sustainable Development Goal, "TOP 2000", "SOS", "PHP", "AMD", "SAR" search and rescue,
   * "IRR" an internal rate of return, "RON 95" petrol, "CVE", "GHS"), and the funds, metals and test codes: no
   * currency.
   */
  private static final Set<String> CODES_NOT_CURRENCIES = Set.of("SDG", "ALL", "CUP", "TOP", "SOS", "PEN",
      "MAD", "GEL", "BOB", "DOP", "TRY", "MOP", "BAM", "CHE", "CHW", "COP", "COU", "ESP", "SAR", "PHP", "STD",
      "SIT", "AMD", "ADP", "IRR", "RON", "CVE", "GHS", "CRC", "SCR", "SHP", "MRO", "BOV", "CLF", "MXV", "USN",
      "USS", "UYI", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX", "XFO",
      "XFU", "XAD");
  /** Every ISO 4217 code the JDK knows (current and historic: "NLG", "BEF"), less those above. */
  private static final String[] ISO_CODES = isoCodes();

  private Units() {}

  private static final BigDecimal CENT = new BigDecimal("0.01");
  private static final String[] CENT_WORDS = {"eurocent", "cent"};

  /** "cent" or "eurocent" at p (after a number): a hundredth of a euro, else null. */
  static Found<BigDecimal> cents(NormalizedText t, int p) {
    char c = t.at(p);
    if (c != 'c' && c != 'e') {
      return null;
    }
    for (String word : CENT_WORDS) {
      if (t.regionMatches(p, word) && !Character.isLetter(t.at(p + word.length()))) {
        return new Found<>(CENT, p, p + word.length());
      }
    }
    return null;
  }

  /** "€5m", "$50k": the English scale letter glued to a number after a symbol, else null. */
  static Found<BigDecimal> gluedLetterScale(NormalizedText t, int p) {
    char c = t.at(p);
    if (c != 'm' && c != 'k' || Character.isLetterOrDigit(t.at(p + 1))) {
      return null;
    }
    return new Found<>(c == 'm' ? MILLION : THOUSAND, p, p + 1);
  }

  private static final BigDecimal MILLION = new BigDecimal("1000000");
  private static final BigDecimal THOUSAND = new BigDecimal("1000");

  /** A scale word after a number ending at p, with a space between or glued on ("150mln"); else null. */
  static Found<BigDecimal> scaleAfterNumber(NormalizedText t, int p) {
    return t.at(p) == ' ' ? scale(t, p + 1) : Character.isLetter(t.at(p)) ? scale(t, p) : null;
  }

  static Found<BigDecimal> scale(NormalizedText t, int p) {
    char first = Character.toLowerCase(t.at(p));
    char second = Character.toLowerCase(t.at(p + 1));
    char third = Character.toLowerCase(t.at(p + 2));
    boolean candidate = first == 'm' ? second == 'i' && (third == 'l' || third == 'o') || second == 'l'
        || second == 'r' : first == 'd' ? second == 'u' && third == 'i'
        : first == 'b' && (second == 'i' && third == 'l' || second == 'n');
    if (!candidate) {
      return null; // cheap reject ("minister", "mijn", "dus"): miljoen/mln/mio/mrd/million, duizend, biljoen/bn
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

  /**
   * Currency words several countries use ("roepie": India, Pakistan, Sri Lanka, …), by the code of the most
   * common one: the country named last before the amount, within {@link #COUNTRY_REACH}, decides ("In Pakistan
   * … 7,3 miljard roepie" is PKR). Country names as stems, so the adjective counts too ("Pakistaanse roepie").
   */
  private static final Map<String, String[][]> SHARED_NAMES = Map.of(
      "INR", new String[][] {{"Pakistan", "PKR"}, {"Sri Lank", "LKR"}, {"Nepal", "NPR"}, {"Indonesi", "IDR"},
          {"Mauriti", "MUR"}, {"Seychel", "SCR"}, {"India", "INR"}});
  /** How far before a shared currency word its country may be named: the sentence and the one before. */
  private static final int COUNTRY_REACH = 300;
  /** How long a currency word without an entry of its own may be before its code ("shilling (KES)"). */
  private static final int NAMED_WORD_MAX = 12;

  /**
   * A currency word, symbol or ISO code at p (after a number). A code in parentheses right after a word
   * names the currency ("300 miljoen shilling (KES)"), also for words without an entry; a shared word
   * ("roepie") is resolved by the country named before it.
   */
  static Found<String> currencyAfter(NormalizedText t, int p) {
    Found<String> code = isoCode(t, p);
    if (code != null) {
      return code;
    }
    char c = Character.toLowerCase(t.at(p));
    Found<String> word = match(t, p, CURRENCY_WORDS_BY_FIRST[c < 128 ? c : 0]); // only the words starting with c
    int wordEnd = word != null ? word.end() : Character.isLowerCase(t.at(p)) ? lowerWordEnd(t, p) : -1;
    Found<String> named = wordEnd < 0 ? null : codeInParentheses(t, wordEnd);
    if (named != null) {
      return new Found<>(named.value(), p, named.end());
    }
    String[][] countries = word == null ? null : SHARED_NAMES.get(word.value());
    return countries == null ? word : new Found<>(byCountryBefore(t, p, countries, word.value()), p, word.end());
  }

  /** The end of a lower-case word of at most {@link #NAMED_WORD_MAX} letters at p, else -1. */
  private static int lowerWordEnd(NormalizedText t, int p) {
    int e = p;
    while (Character.isLowerCase(t.at(e)) && e - p <= NAMED_WORD_MAX) {
      e++;
    }
    return e - p > NAMED_WORD_MAX || Character.isLetterOrDigit(t.at(e)) ? -1 : e;
  }

  /** " (KES)" at p: the code, ending after the parenthesis; else null. */
  private static Found<String> codeInParentheses(NormalizedText t, int p) {
    if (t.at(p) != ' ' || t.at(p + 1) != '(' || t.at(p + 5) != ')') {
      return null;
    }
    Found<String> code = isoCode(t, p + 2);
    return code == null ? null : new Found<>(code.value(), p + 2, p + 6);
  }

  /** The code of the country named last within {@link #COUNTRY_REACH} before p, else the common one. */
  private static String byCountryBefore(NormalizedText t, int p, String[][] countries, String common) {
    String before = t.surface(Math.max(0, p - COUNTRY_REACH), p);
    int last = -1;
    String code = common;
    for (String[] country : countries) {
      int k = before.lastIndexOf(country[0]);
      if (k > last) {
        last = k;
        code = country[1];
      }
    }
    return code;
  }

  /** A symbol or ISO code at p, before a number. */
  static Found<String> currencyBefore(NormalizedText t, int p) {
    Found<String> code = isoCode(t, p);
    return code != null ? code : match(t, p, CURRENCY_PREFIXES);
  }

  /** Whether the currency found at p is a symbol or a code ("€", "EUR"), not a word ("euro"). */
  static boolean isSymbolOrCode(NormalizedText t, int p) {
    return !Character.isLowerCase(t.at(p));
  }

  /** "EUR", "XOF", "NLG": three capitals, not part of a longer word, that ISO 4217 lists. */
  private static Found<String> isoCode(NormalizedText t, int p) {
    char a = t.at(p);
    char b = t.at(p + 1);
    char c = t.at(p + 2);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || c < 'A' || c > 'Z' || Character.isLetter(t.at(p + 3))
        || Character.isLetter(t.at(p - 1))) {
      return null;
    }
    String code = ISO_CODES[((a - 'A') * 26 + b - 'A') * 26 + c - 'A'];
    return code != null ? new Found<>(code, p, p + 3) : null;
  }

  /** The codes by their three capitals as a number in base 26: no String per lookup. */
  private static String[] isoCodes() {
    String[] codes = new String[26 * 26 * 26];
    for (Currency currency : Currency.getAvailableCurrencies()) {
      String code = currency.getCurrencyCode();
      if (!CODES_NOT_CURRENCIES.contains(code) && code.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
        codes[((code.charAt(0) - 'A') * 26 + code.charAt(1) - 'A') * 26 + code.charAt(2) - 'A'] = code;
      }
    }
    return codes;
  }

  private static String[][] byLengthDescending(String[][] table) {
    String[][] sorted = table.clone();
    Arrays.sort(sorted, Comparator.comparingInt((String[] row) -> row[0].length()).reversed());
    return sorted;
  }

  /** CURRENCY_WORDS by the lower case of their first char (non-ASCII ones under 0): only those are tried. */
  private static final String[][][] CURRENCY_WORDS_BY_FIRST = byFirstChar(CURRENCY_WORDS);

  private static String[][][] byFirstChar(String[][] table) {
    List<List<String[]>> buckets = new ArrayList<>();
    for (int c = 0; c < 128; c++) {
      buckets.add(new ArrayList<>());
    }
    for (String[] row : table) {
      char first = Character.toLowerCase(row[0].charAt(0));
      buckets.get(first < 128 ? first : 0).add(row);
    }
    String[][][] index = new String[128][][];
    for (int c = 0; c < 128; c++) {
      index[c] = buckets.get(c).toArray(new String[0][]);
    }
    return index;
  }

  private static Found<String> match(NormalizedText t, int p, String[][] table) {
    for (String[] c : table) {
      String w = c[0];
      boolean code = w.length() == 3 && Character.isUpperCase(w.charAt(0)) && Character.isUpperCase(w.charAt(2));
      boolean hit = code ? t.regionMatches(p, w) : t.regionMatchesIgnoreCase(p, w);
      if (hit && (!Character.isLetter(w.charAt(w.length() - 1)) || !Character.isLetter(t.at(p + w.length())))) {
        return new Found<>(c[1], p, p + w.length());
      }
    }
    return null;
  }
}
