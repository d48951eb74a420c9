package nl.kamerstroom.extraction.amount;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Dutch number words to values: "vier" → 4, "vijfentwintig" → 25, "tweehonderdvijftig" → 250, and the
 * halves that come before a scale word: "anderhalf" → 1.5, "(een) half" → 0.5, "tweeënhalf" → 2.5.
 */
final class DutchNumbers {

  private static final Map<String, Integer> BASE = Map.ofEntries(Map.entry("een", 1), Map.entry("één", 1),
      Map.entry("twee", 2), Map.entry("drie", 3), Map.entry("vier", 4), Map.entry("vijf", 5),
      Map.entry("zes", 6), Map.entry("zeven", 7), Map.entry("acht", 8), Map.entry("negen", 9),
      Map.entry("tien", 10), Map.entry("elf", 11), Map.entry("twaalf", 12), Map.entry("dertien", 13),
      Map.entry("veertien", 14), Map.entry("vijftien", 15), Map.entry("zestien", 16),
      Map.entry("zeventien", 17), Map.entry("achttien", 18), Map.entry("negentien", 19),
      Map.entry("twintig", 20), Map.entry("dertig", 30), Map.entry("veertig", 40), Map.entry("vijftig", 50),
      Map.entry("zestig", 60), Map.entry("zeventig", 70), Map.entry("tachtig", 80), Map.entry("negentig", 90),
      Map.entry("honderd", 100), Map.entry("duizend", 1000));

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private DutchNumbers() {}

  /** The value of a number word, halves included, or null. */
  static BigDecimal value(String word) {
    String w = word.toLowerCase();
    if (w.equals("anderhalf") || w.equals("anderhalve")) { // "anderhalve ton"
      return new BigDecimal("1.5");
    }
    if (w.equals("half")) {
      return HALF;
    }
    if (w.equals("kwart") || w.equals("driekwart")) { // "een kwart miljard", "driekwart miljoen"
      return new BigDecimal(w.length() == 5 ? "0.25" : "0.75");
    }
    for (String and : new String[] {"ënhalf", "enhalf"}) {
      if (w.endsWith(and)) {
        long whole = parse(w.substring(0, w.length() - and.length()));
        return whole < 0 ? null : BigDecimal.valueOf(whole).add(HALF);
      }
    }
    long whole = parse(w);
    return whole < 0 ? null : BigDecimal.valueOf(whole);
  }

  /** The value of a whole number word (lower or capitalised), or -1. */
  private static long parse(String word) {
    String w = word.toLowerCase();
    Integer base = BASE.get(w);
    if (base != null) {
      return base;
    }
    int thousand = w.indexOf("duizend");
    if (thousand >= 0) {
      long left = thousand == 0 ? 1 : parse(w.substring(0, thousand));
      String rest = w.substring(thousand + 7);
      long right = rest.isEmpty() ? 0 : parse(rest);
      return left < 0 || right < 0 ? -1 : left * 1000 + right;
    }
    int hundred = w.indexOf("honderd");
    if (hundred >= 0) {
      long left = hundred == 0 ? 1 : parse(w.substring(0, hundred));
      String rest = w.substring(hundred + 7);
      long right = rest.isEmpty() ? 0 : parse(rest);
      return left < 0 || left > 9 || right < 0 ? -1 : left * 100 + right;
    }
    for (String and : new String[] {"en", "ën"}) {
      int k = w.indexOf(and);
      while (k > 0) {
        Integer unit = BASE.get(w.substring(0, k));
        Integer tens = BASE.get(w.substring(k + 2));
        if (unit != null && tens != null && unit < 10 && tens >= 20 && tens < 100 && tens % 10 == 0) {
          return unit + tens;
        }
        k = w.indexOf(and, k + 1);
      }
    }
    return -1;
  }
}
