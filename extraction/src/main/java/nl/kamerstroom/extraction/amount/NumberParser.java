package nl.kamerstroom.extraction.amount;

import java.math.BigDecimal;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * Numbers in Dutch notation: "1.250.000" (thousands dots), "2,5" (decimal comma), "45.000,-"; English
 * "1,250,000.50" is recognised when both separators occur with the dot last or commas repeat.
 */
final class NumberParser {

  record Parsed(BigDecimal value, int end) {}

  private NumberParser() {}

  /** Where the number at p ends (after a ",-" suffix), without building it; -1 if there is none. */
  static int end(NormalizedText t, int p) {
    int e = p;
    while (Character.isDigit(t.at(e)) || (t.at(e) == '.' || t.at(e) == ',') && Character.isDigit(t.at(e + 1))
        && e > p) {
      e++;
    }
    if (e == p || Character.isLetter(t.at(e)) && !gluedScale(t, e)) {
      return -1; // "12e", "3x"; a glued scale ("150mln", "5m") is a number's unit
    }
    if (t.at(e) == ',' && t.at(e + 1) == '-') {
      e += 2;
      if (t.at(e) == '-') {
        e++;
      }
    }
    return e;
  }

  private static boolean gluedScale(NormalizedText t, int e) {
    return Units.scale(t, e) != null || Units.gluedLetterScale(t, e) != null;
  }

  static Parsed parse(NormalizedText t, int p) {
    if (!Character.isDigit(t.at(p))) {
      return null;
    }
    int e = p;
    int dots = 0;
    int commas = 0;
    int lastSep = -1;
    boolean groupsOfThree = true;
    int groupStart = p;
    while (true) {
      while (Character.isDigit(t.at(e))) {
        e++;
      }
      char c = t.at(e);
      if ((c == '.' || c == ',') && Character.isDigit(t.at(e + 1))) {
        if (lastSep >= 0 && e - groupStart != 3) {
          groupsOfThree = false;
        }
        if (c == '.') {
          dots++;
        } else {
          commas++;
        }
        lastSep = e;
        e++;
        groupStart = e;
        continue;
      }
      break;
    }
    if (lastSep >= 0 && e - groupStart != 3) {
      groupsOfThree = false;
    }
    if (Character.isLetter(t.at(e)) && !gluedScale(t, e)) {
      return null;
    }
    String raw = t.surface(p, e);
    String plain;
    if (dots > 0 && commas > 0) {
      boolean dutch = t.charAt(lastSep) == ',';
      plain = dutch ? raw.replace(".", "").replace(',', '.') : raw.replace(",", "");
    } else if (dots > 0) {
      plain = dots > 1 || groupsOfThree ? raw.replace(".", "") : raw;
    } else if (commas > 0) {
      plain = commas > 1 ? raw.replace(",", "") : raw.replace(',', '.');
    } else {
      plain = raw;
    }
    int end = e;
    if (t.at(end) == ',' && t.at(end + 1) == '-') {
      end += 2;
      if (t.at(end) == '-') {
        end++;
      }
    }
    return new Parsed(new BigDecimal(plain), end);
  }
}
