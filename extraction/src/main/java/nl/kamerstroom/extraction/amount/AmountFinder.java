package nl.kamerstroom.extraction.amount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.AmountMention;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Words;

/**
 * Sums of money, found by a single scan with cheap anchors: a currency symbol or code before a number
 * ("EUR 1,8 miljard", "€45.000"), a number with optional scale and a currency after it ("300 miljoen
 * euro", "100 miljard USD"), and a scale word after a number word ("vier miljard euro"). A number without
 * a currency is no amount ("4 miljoen mensen", "16,3%"). In a range whose lower bound has no unit
 * ("6.000 tot 7.000 euro", "drie tot vier miljard euro") the lower bound takes the upper bound's unit.
 */
public final class AmountFinder {

  /**
   * The first two letters of the words that may follow a number word: scale words ("miljoen", "mln", "mrd",
   * "biljoen", "duizend"; see Units), currency words ("dertig euro", "vijftig dollar", "tien gulden",
   * "twintig pond") and "ton" (a hundred thousand euro: "twee ton").
   */
  private static final List<String> WORD_AFTER_NUMBER_WORD_PREFIXES =
      List.of("mi", "ml", "mr", "bi", "du", "eu", "do", "gu", "po", "to");
  /** "twee ton": a hundred thousand euro, said only after a number word. */
  private static final BigDecimal TON = new BigDecimal("100000");
  /** Money is counted in a few tons ("anderhalve ton", "vijf ton"); "tien ton", "duizend ton" are weights. */
  private static final BigDecimal TON_COUNT_LIMIT = BigDecimal.TEN;

  private AmountFinder() {}

  /** Amounts in the whole text (a pass of its own; {@link Scan} joins the shared pass). */
  public static List<AmountMention> find(NormalizedText t) {
    Scan scan = new Scan();
    AnchorPass.runAlone(t, scan);
    return scan.amounts();
  }

  /** Collects the amounts of one text in the shared pass. */
  public static final class Scan implements AnchorPass.Handler {
    private final List<AmountMention> out = new ArrayList<>();

    public List<AmountMention> amounts() {
      return out;
    }

    @Override
    public String anchors() {
      return "€£\u0192"; // euro, pound, florin (guilders in older documents)
    }

    @Override
    public String wordStartAnchors() {
      // digits, symbols and codes before a number; scale words after number words by their prefixes
      return "0123456789$EUGCJ";
    }

    @Override
    public List<String> wordStartPrefixes() {
      return WORD_AFTER_NUMBER_WORD_PREFIXES;
    }

    @Override
    public int at(NormalizedText t, int i) {
      char c = t.charAt(i);
      int next = i + 1;
      if (c >= '0' && c <= '9') {
        Units.Found<String> code = startsNumber(t, i) ? codeBefore(t, i) : null;
        if (code != null) {
          next = currencyFirst(t, code.start(), code, out);
        } else if (startsNumber(t, i)) {
          next = numberFirst(t, i, out);
        }
      } else if (c >= 'a' && c <= 'z' && c != 'f') { // "fl." and "ƒ" fall through to the currency codes
        if (t.at(i - 1) == ' ') {
          next = afterNumberWord(t, i, out);
        }
      } else if (!Character.isUpperCase(c) || Words.isWordStart(t, i) && Character.isUpperCase(t.at(i + 1))) {
        // symbols, or a code of capitals ("EUR", "DKK"): a capitalised word ("Denemarken") is none
        Units.Found<String> cur = Units.currencyBefore(t, i);
        if (cur != null) {
          next = currencyFirst(t, i, cur, out);
        }
      }
      return Math.max(next, i + 1);
    }
  }

  /**
   * "DKK 7,5 miljard", "AWG 78 miljoen", "fl. 40 mln.": a code of three chars and a space right before the
   * number, looked up from the digit (the rarer codes as anchors would cost a call at every word starting
   * with "D", "A" or "f"); the codes with anchors of their own ("EUR", "USD", …) are found there first.
   */
  private static Units.Found<String> codeBefore(NormalizedText t, int i) {
    if (t.at(i - 1) != ' ') {
      return null;
    }
    int w = i - 1; // the token before the space: "DKK", "fl.", "Hfl."
    while (w > i - 6 && (Character.isLetter(t.at(w - 1)) || t.at(w - 1) == '.')) {
      w--;
    }
    if (w == i - 1 || Character.isLetterOrDigit(t.at(w - 1)) || !Character.isLetter(t.at(w))) {
      return null;
    }
    Units.Found<String> code = Units.currencyBefore(t, w);
    return code != null && code.end() == i - 1 ? code : null;
  }

  private static boolean startsNumber(NormalizedText t, int i) {
    char b = t.at(i - 1);
    return !Character.isLetterOrDigit(b) && !((b == '.' || b == ',') && Character.isDigit(t.at(i - 2)));
  }

  /** "EUR 900 miljoen": returns where scanning continues. */
  private static int currencyFirst(NormalizedText t, int start, Units.Found<String> cur, List<AmountMention> out) {
    if (isTableCaption(t, start)) {
      return cur.end();
    }
    int p = cur.end();
    if (t.at(p) == ' ') {
      p++;
    }
    NumberParser.Parsed num = NumberParser.parse(t, p);
    if (num == null) {
      return cur.end();
    }
    BigDecimal value = num.value();
    int end = num.end();
    Units.Found<BigDecimal> scale = Units.scaleAfterNumber(t, end);
    if (scale == null) {
      scale = Units.gluedLetterScale(t, end);
    }
    if (scale == null) {
      scale = budgetUnit(t, end, cur.value());
    }
    if (scale != null) {
      value = value.multiply(scale.value());
      end = scale.end();
    } else {
      int upperEnd = rangeWithScale(t, start, end, value, cur.value(), out);
      if (upperEnd > 0) {
        return upperEnd;
      }
    }
    int minus = negationStart(t, start);
    out.add(minus < 0 ? mention(t, start, end, value, cur.value())
        : mention(t, minus, end, value.negate(), cur.value()));
    return end;
  }

  /**
   * "-/- € 30 mln": the accountants' minus before a sum (Najaarsnota, Voorjaarsnota, budget letters) makes it
   * negative; where "-/-" starts, else -1.
   */
  private static int negationStart(NormalizedText t, int start) {
    int s = t.at(start - 1) == ' ' ? start - 4 : start - 3;
    return t.at(s) == '-' && t.at(s + 1) == '/' && t.at(s + 2) == '-' && !Character.isLetterOrDigit(t.at(s - 1))
        ? s : -1;
  }

  /**
   * "€ 5 tot 10 miljoen", "€ 5 à 6 miljoen", "€ 5 tot € 10 miljoen", "tussen de € 10 en € 20 miljoen": the
   * lower bound takes the upper bound's scale, the upper bound the lower bound's currency. Adds both and
   * returns where the upper bound ends, else -1.
   */
  private static int rangeWithScale(NormalizedText t, int start, int lowerEnd, BigDecimal lower, String currency,
      List<AmountMention> out) {
    int p = rangeSeparatorEnd(t, lowerEnd);
    if (p < 0 && t.regionMatches(lowerEnd, " en ") && afterTussen(t, start)) {
      p = lowerEnd + 4;
    }
    int upperStart = p;
    Units.Found<String> repeated = p < 0 ? null : Units.currencyBefore(t, p);
    if (repeated != null && repeated.value().equals(currency)) {
      p = t.at(repeated.end()) == ' ' ? repeated.end() + 1 : repeated.end(); // "tot € 10 miljoen"
    }
    NumberParser.Parsed upper = p < 0 ? null : NumberParser.parse(t, p);
    Units.Found<BigDecimal> scale = upper == null ? null : Units.scaleAfterNumber(t, upper.end());
    if (scale == null) {
      return -1;
    }
    out.add(mention(t, start, lowerEnd, lower.multiply(scale.value()), currency));
    int end = scale.end();
    Units.Found<String> trailing = t.at(end) == ' ' ? Units.currencyAfter(t, end + 1) : null;
    if (trailing != null && trailing.value().equals(currency)) {
      end = trailing.end(); // "€ 5 tot 10 miljoen euro"
    }
    out.add(mention(t, upperStart, end, upper.value().multiply(scale.value()), currency));
    return end;
  }

  /**
   * "€ 25.000 (x € 1.000)": a budget line's figure with its unit in parentheses after it (amendments, budget
   * tables): the unit's value as the multiplier, ending after the parenthesis; else null.
   */
  private static Units.Found<BigDecimal> budgetUnit(NormalizedText t, int p, String currency) {
    if (!t.regionMatches(p, " (x ") && !t.regionMatches(p, " (\u00D7 ")) {
      return null;
    }
    Units.Found<String> cur = Units.currencyBefore(t, p + 4);
    int q = cur == null || !cur.value().equals(currency) ? -1 : t.at(cur.end()) == ' ' ? cur.end() + 1 : cur.end();
    NumberParser.Parsed unit = q < 0 ? null : NumberParser.parse(t, q);
    if (unit == null) {
      return null;
    }
    BigDecimal multiplier = unit.value();
    int end = unit.end();
    Units.Found<BigDecimal> scale = Units.scaleAfterNumber(t, end);
    if (scale != null) {
      multiplier = multiplier.multiply(scale.value());
      end = scale.end();
    }
    return t.at(end) == ')' ? new Units.Found<>(multiplier, end + 1) : null;
  }

  /** "tussen € 10 en …", "tussen de € 10 en …": a range whose bounds "en" joins. */
  private static boolean afterTussen(NormalizedText t, int start) {
    String before = t.surface(Math.max(0, start - 10), start);
    return before.endsWith("tussen ") || before.endsWith("tussen de ");
  }

  /** After a range's lower bound: " tot ", " à ", "-", " - " (and en dashes); where the upper bound starts, else -1. */
  private static int rangeSeparatorEnd(NormalizedText t, int p) {
    if (t.regionMatches(p, " tot ") || t.regionMatches(p, " \u00E0 ")) {
      return t.at(p + 1) == 't' ? p + 5 : p + 3;
    }
    if (t.at(p) == '-' || t.at(p) == '\u2013') {
      return p + 1;
    }
    if (t.regionMatches(p, " - ") || t.regionMatches(p, " \u2013 ")) {
      return p + 3;
    }
    return -1;
  }

  /**
   * "bedragen x € 1.000", "(x € 1 mln)", "bedragen in € 1.000": the unit of a table, not an amount.
   */
  private static boolean isTableCaption(NormalizedText t, int start) {
    int w = Words.previousWordStart(t, start);
    char before = t.at(start - 2);
    if (t.at(start - 1) == ' ' && (before == 'x' || before == 'X' || before == '\u00D7')
        && !Character.isLetterOrDigit(t.at(start - 3))) {
      return true;
    }
    if (w < 0 || !Words.wordAt(t, w).equalsIgnoreCase("in")) {
      return false;
    }
    int w2 = Words.previousWordStart(t, w);
    return w2 >= 0 && Words.wordAt(t, w2).toLowerCase(java.util.Locale.ROOT).startsWith("bedrag");
  }

  /** "300 miljoen euro", or the unit-less lower bound of a range. */
  private static int numberFirst(NormalizedText t, int start, List<AmountMention> out) {
    int end = NumberParser.end(t, start);
    if (end < 0) {
      return start + 1;
    }
    Unit unit = unitAfter(t, end);
    if (unit != null) {
      NumberParser.Parsed num = NumberParser.parse(t, start);
      out.add(mention(t, start, unit.end, num.value().multiply(unit.scale), unit.currency));
      return unit.end;
    }
    rangeLowerBound(t, start, end, out);
    return end;
  }

  /**
   * At a word after a number word: a scale ("vier miljard euro"), a currency word ("dertig euro",
   * "honderdduizend euro"; not after the article "een euro") or "ton" ending a phrase ("twee ton;"; "twee ton
   * CO2" is a weight). Returns where scanning continues.
   */
  private static int afterNumberWord(NormalizedText t, int i, List<AmountMention> out) {
    if (Units.scale(t, i) != null) {
      return scaleAfterWord(t, i, out);
    }
    boolean ton = t.regionMatches(i, "ton") && !Character.isLetterOrDigit(t.at(i + 3))
        && (t.at(i + 3) != ' ' || !Character.isLetterOrDigit(t.at(i + 4)));
    if (!ton && !startsCurrencyWord(t, i)) {
      return i + 1; // "door", "tot", "positie": the anchors' common words, rejected before any lookup
    }
    Units.Found<String> cur = ton ? new Units.Found<>("EUR", i + 3) : Units.currencyAfter(t, i);
    int w = cur == null ? -1 : Words.previousWordStart(t, i);
    if (w < 0 || Character.isLetter(t.at(cur.end()))) {
      return i + 1;
    }
    String word = t.surface(w, i - 1);
    BigDecimal number = word.equalsIgnoreCase("een") ? null : DutchNumbers.value(word);
    if (number == null || number.compareTo(BigDecimal.ONE) < 0 && !ton
        || ton && number.compareTo(TON_COUNT_LIMIT) >= 0) {
      // no number word, a fraction below one without its scale ("half euro", "kwart euro"; "anderhalve euro"
      // is one), or a weight ("duizend ton.")
      return i + 1;
    }
    out.add(mention(t, w, cur.end(), ton ? number.multiply(TON) : number, cur.value()));
    return cur.end();
  }

  /** "euro", "dollar", "gulden", "pond" (and their plurals) at i: the currency words a number word precedes. */
  private static boolean startsCurrencyWord(NormalizedText t, int i) {
    return t.regionMatches(i, "euro") || t.regionMatches(i, "doll") || t.regionMatches(i, "guld")
        || t.regionMatches(i, "pond");
  }

  /** "vier miljard euro": at a scale word preceded by a number word. */
  private static int scaleAfterWord(NormalizedText t, int i, List<AmountMention> out) {
    Units.Found<BigDecimal> scale = Units.scale(t, i);
    int w = scale == null ? -1 : Words.previousWordStart(t, i);
    if (w < 0 || t.at(i - 1) != ' ') {
      return i + 1;
    }
    BigDecimal number = DutchNumbers.value(t.surface(w, i - 1));
    if (number == null) {
      return i + 1;
    }
    Units.Found<String> cur = t.at(scale.end()) == ' ' ? Units.currencyAfter(t, scale.end() + 1) : null;
    if (cur == null) {
      return scale.end();
    }
    BigDecimal multiplier = scale.value();
    out.add(mention(t, w, cur.end(), number.multiply(multiplier), cur.value()));
    int tot = Words.previousWordStart(t, w);
    int lower = tot < 0 ? -1 : Words.previousWordStart(t, tot);
    if (lower >= 0 && t.surface(tot, w - 1).equals("tot")) {
      BigDecimal low = DutchNumbers.value(t.surface(lower, tot - 1));
      if (low != null) {
        out.add(out.size() - 1, mention(t, lower, tot - 1, low.multiply(multiplier), cur.value()));
      }
    }
    return cur.end();
  }

  private record Unit(BigDecimal scale, String currency, int end) {}

  /** " miljoen euro", " euro", " mld. USD" after a number ending at p; null without a currency. */
  private static Unit unitAfter(NormalizedText t, int p) {
    boolean glued = Character.isLetter(t.at(p)); // "20mld euro"
    if (t.at(p) != ' ' && t.at(p) != '€' && !glued) {
      return null;
    }
    int q = t.at(p) == ' ' ? p + 1 : p;
    BigDecimal multiplier = BigDecimal.ONE;
    Units.Found<BigDecimal> scale = Units.scale(t, q);
    if (glued && scale == null) {
      return null;
    }
    if (scale != null) {
      multiplier = scale.value();
      if (t.at(scale.end()) != ' ') {
        return null;
      }
      q = scale.end() + 1;
    }
    Units.Found<BigDecimal> cents = Units.cents(t, q);
    if (cents != null) {
      return new Unit(multiplier.multiply(cents.value()), "EUR", cents.end()); // "50 cent", "5 eurocent"
    }
    Units.Found<String> cur = Units.currencyAfter(t, q);
    if (cur != null && Units.isSymbolOrCode(t, q)
        && Character.isDigit(t.at(t.at(cur.end()) == ' ' ? cur.end() + 1 : cur.end()))) {
      return null; // "tot 2032 € 1 miljard", "voor 2017 EUR 35 mln.": the symbol or code is the next number's
    }
    return cur == null ? null : new Unit(multiplier, cur.value(), cur.end());
  }

  /** "6.000 tot 7.000 euro": the lower bound gets the upper bound's scale and currency. */
  private static void rangeLowerBound(NormalizedText t, int start, int end, List<AmountMention> out) {
    int p = rangeSeparatorEnd(t, end);
    if (p < 0) {
      return;
    }
    int upperEnd = NumberParser.end(t, p);
    Unit unit = upperEnd < 0 ? null : unitAfter(t, upperEnd);
    if (unit != null) {
      BigDecimal value = NumberParser.parse(t, start).value();
      out.add(mention(t, start, end, value.multiply(unit.scale), unit.currency));
    }
  }

  private static AmountMention mention(NormalizedText t, int start, int end, BigDecimal value, String currency) {
    BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (plain.scale() < 0) {
      plain = plain.setScale(0);
    }
    return new AmountMention(t.surface(start, end), t.originalStart(start), t.originalEnd(end), plain, currency);
  }
}
