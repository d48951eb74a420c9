package nl.kamerstroom.extraction.kamerstuk;

import nl.kamerstroom.extraction.text.NormalizedText;

/** A dossier number in the text, e.g. "36 045", "21 501-02", "35925 V", "35 925-XVII", "21501 20". */
record Dossier(int end, String normalised) {

  static Dossier parse(NormalizedText t, int p) {
    if (p > 0 && Character.isLetterOrDigit(t.at(p - 1)) && t.at(p - 1) != ' ') {
      return null;
    }
    int s = p;
    while (Character.isDigit(t.at(p))) {
      p++;
    }
    int len = p - s;
    StringBuilder base = new StringBuilder(t.surface(s, p));
    if ((len == 1 || len == 2) && t.at(p) == ' ' && digitsAt(t, p + 1) == 3) {
      base.append(t.surface(p + 1, p + 4));
      p += 4;
    } else if (len < 4 || len > 6) {
      return null;
    }
    if (Character.isLetter(t.at(p))) {
      return null;
    }
    int suffixEnd = suffixEnd(t, p);
    if (suffixEnd > 0) {
      base.append('-').append(t.surface(p + 1, suffixEnd));
      p = suffixEnd;
    }
    return new Dossier(p, base.toString());
  }

  /** End of a "-02", "-XVII", " V" or " 20" suffix at p (the last two only before ", nr" / " nr"), else -1. */
  private static int suffixEnd(NormalizedText t, int p) {
    char sep = t.at(p);
    if (sep != '-' && sep != ' ') {
      return -1;
    }
    int q = p + 1;
    int e = q;
    if (Character.isDigit(t.at(q))) {
      while (Character.isDigit(t.at(e)) && e - q < 3) {
        e++;
      }
    } else {
      while (Character.isUpperCase(t.at(e)) && e - q < 6) {
        e++;
      }
    }
    if (e == q || Character.isLetterOrDigit(t.at(e))) {
      return -1;
    }
    if (sep == '-') {
      return e;
    }
    boolean roman = !Character.isDigit(t.at(q));
    int after = e;
    if (t.at(after) == ',') {
      after++;
    }
    if (t.at(after) == ' ') {
      after++;
    }
    boolean numberFollows = t.regionMatchesIgnoreCase(after, "nr");
    return numberFollows && (roman || e - q == 2) ? e : -1;
  }

  private static int digitsAt(NormalizedText t, int p) {
    int n = 0;
    while (Character.isDigit(t.at(p + n))) {
      n++;
    }
    return n;
  }
}
