package nl.kamerstroom.extraction.kamerstuk;

import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * Hand-written parser for kamerstuk references such as "Kamerstuk II 2021/22, 36 045, nr. 53",
 * "Kamerstukken I 2019/20, 35300, letter A", "35 925-XVII nr. 46" or "21501 20, nr. 1632". In
 * "Kamerstuk 31728, 30914, nr. 5" the number belongs to the first dossier.
 */
public final class KamerstukParser {

  private KamerstukParser() {}

  /**
   * Parses a reference starting at {@code pos} (at "Kamerstuk" or at the first char inside a parenthesis);
   * null unless it yields a dossier and a number (or just a dossier when {@code dossierOnly} allows it).
   */
  public static Kamerstuk parse(NormalizedText t, int pos, boolean dossierOnly) {
    int p = pos;
    String chamber = null;
    String year = null;
    if (t.regionMatchesIgnoreCase(p, "kamerstuk")) {
      p += 9;
      if (t.regionMatchesIgnoreCase(p, "ken")) {
        p += 3;
      }
      p = skipSpaceComma(t, p);
      if (t.regionMatches(p, "II") && !Character.isLetter(t.at(p + 2))) {
        chamber = "II";
        p = skipSpaceComma(t, p + 2);
      } else if (t.at(p) == 'I' && !Character.isLetter(t.at(p + 1))) {
        chamber = "I";
        p = skipSpaceComma(t, p + 1);
      }
    }
    int yearEnd = sessionYearEnd(t, p);
    if (yearEnd > 0) {
      year = t.surface(p, yearEnd);
      p = skipSpaceComma(t, yearEnd);
    }
    Dossier first = Dossier.parse(t, p);
    if (first == null) {
      return null;
    }
    p = first.end();
    // further dossiers of a joint kamerstuk: the number belongs to the first
    while (true) {
      int q = skipSpaceComma(t, p);
      if (t.regionMatches(q, "en ")) {
        q += 3;
      }
      Dossier more = q > p ? Dossier.parse(t, q) : null;
      if (more == null) {
        break;
      }
      p = more.end();
    }
    int q = skipSpaceComma(t, p);
    int[] number = number(t, q);
    if (number != null) {
      return new Kamerstuk(pos, number[1], chamber, year, first.normalised(), t.surface(number[0], number[2]));
    }
    if (dossierOnly) {
      return new Kamerstuk(pos, p, chamber, year, first.normalised(), null);
    }
    return null;
  }

  /** {numberStart, referenceEnd, numberEnd} for "nr. 53", "nrs. 5 t/m 11", "letter A", "A"; else null. */
  private static int[] number(NormalizedText t, int q) {
    int p = q;
    boolean keyword = false;
    if (t.regionMatchesIgnoreCase(p, "nrs")) {
      p += 3;
      keyword = true;
    } else if (t.regionMatchesIgnoreCase(p, "nr")) {
      p += 2;
      keyword = true;
    } else if (t.regionMatchesIgnoreCase(p, "nummer")) {
      p += 6;
      keyword = true;
    } else if (t.regionMatchesIgnoreCase(p, "letter ")) {
      p += 7;
      keyword = true;
    }
    if (keyword) {
      if (t.at(p) == '.') {
        p++;
      }
      if (t.at(p) == ' ') {
        p++;
      }
    }
    int s = p;
    if (Character.isDigit(t.at(p))) {
      while (Character.isDigit(t.at(p))) {
        p++;
      }
      if (!keyword || Character.isLetter(t.at(p))) {
        return null;
      }
      return new int[] {s, p, p};
    }
    // Eerste Kamer letters: "letter A", or a bare capital after the dossier ("35300, A")
    while (Character.isUpperCase(t.at(p)) && p - s < 3) {
      p++;
    }
    if (p > s && !Character.isLetterOrDigit(t.at(p)) && (keyword || q > 0 && t.at(q - 2) == ',')) {
      return new int[] {s, p, p};
    }
    return null;
  }

  /** End of "2021/22", "2020–2021", "2020-2021" at p, else -1. */
  static int sessionYearEnd(NormalizedText t, int p) {
    if (!fourDigits(t, p) || Character.isDigit(t.at(p + 4))) {
      return -1;
    }
    char sep = t.at(p + 4);
    if (sep != '/' && sep != '-' && sep != '\u2013') {
      return -1;
    }
    int d = p + 5;
    if (fourDigits(t, d) && !Character.isDigit(t.at(d + 4))) {
      return d + 4;
    }
    if (Character.isDigit(t.at(d)) && Character.isDigit(t.at(d + 1)) && !Character.isDigit(t.at(d + 2))) {
      return d + 2;
    }
    return -1;
  }

  private static boolean fourDigits(NormalizedText t, int p) {
    for (int k = 0; k < 4; k++) {
      if (!Character.isDigit(t.at(p + k))) {
        return false;
      }
    }
    return true;
  }

  static int skipSpaceComma(NormalizedText t, int p) {
    while (t.at(p) == ' ' || t.at(p) == ',') {
      if (p >= t.length()) {
        break;
      }
      p++;
    }
    return p;
  }
}
