package nl.kamerstroom.extraction.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * Parses the submitters of a motion: "Hammelburg en Van der Lee", "Klink c.s.", "Özütok/Van
 * Kooten-Arissen", "Jasper van Dijk" (first name dropped: "Van Dijk"), "Faber-van de Klashorst", and the
 * all-caps heading of a motion document ("SLOB C.S." → "Slob").
 */
final class SubmitterParser {

  private static final Set<String> TUSSENVOEGSELS = Set.of("van", "de", "der", "den", "het", "'t", "\u2019t",
      "te", "ter", "ten", "in", "op", "la", "le", "du", "da", "di", "von", "el", "al", "d'", "vd");
  /** Capitalised words that follow "motie" but are no surname. */
  private static final Set<String> NOT_NAMES = Set.of("kamer", "kamerstuk", "kamerstukken", "tweede", "eerste",
      "zij", "hij", "deze", "dit", "die", "dat", "motie", "moties", "voorzitter", "regering", "minister",
      "staatssecretaris", "handelingen", "nr", "zie", "en", "over", "inzake", "ter", "nederland", "voorgesteld");

  private SubmitterParser() {}

  static boolean isTussenvoegsel(String word) {
    return TUSSENVOEGSELS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** Names starting at p; an empty list (end = p) when none. {@code upper}: all-caps heading. */
  static Submitters parse(NormalizedText t, int p, boolean upper) {
    List<String> names = new ArrayList<>();
    int end = p;
    int q = p;
    while (true) {
      int[] span = new int[1];
      String name = parseName(t, q, upper, span);
      if (name == null) {
        break;
      }
      names.add(name);
      end = span[0];
      q = separatorEnd(t, end);
      if (q < 0) {
        break;
      }
    }
    int cs = csEnd(t, end);
    return cs > 0 ? new Submitters(names, cs, true) : new Submitters(names, end, false);
  }

  /** After a name: ", ", " en ", "/" lead to another name; returns where it would start, or -1. */
  private static int separatorEnd(NormalizedText t, int p) {
    if (t.at(p) == '/') {
      return t.at(p + 1) == ' ' ? p + 2 : p + 1; // "motie-Kröger/ Bromet", broken at the slash
    }
    int q = p;
    if (t.at(q) == ',') {
      q++;
    }
    if (t.at(q) == ' ') {
      q++;
    }
    if (t.regionMatchesIgnoreCase(q, "en ")) {
      return afterHonorific(t, q + 3);
    }
    return q > p && t.at(p) == ',' ? afterHonorific(t, q) : -1;
  }

  /** "… en de heer Van der Lee", "…, mevrouw Piri": the next name starts after the form of address. */
  private static int afterHonorific(NormalizedText t, int q) {
    for (String honorific : new String[] {"de heer ", "mevrouw ", "het lid "}) {
      if (t.regionMatches(q, honorific)) {
        return q + honorific.length();
      }
    }
    return q;
  }

  private static int csEnd(NormalizedText t, int p) {
    int q = p;
    if (t.at(q) == ',') {
      q++;
    }
    if (t.at(q) == ' ') {
      q++;
    }
    return t.regionMatchesIgnoreCase(q, "c.s.") ? q + 4 : t.regionMatchesIgnoreCase(q, "cs ") ? q + 2 : -1;
  }

  /** One name at p, its end in span[0]; null when p holds no name. */
  private static String parseName(NormalizedText t, int p, boolean upper, int[] span) {
    List<int[]> tokens = new ArrayList<>();
    int q = p;
    while (true) {
      int e = tokenEnd(t, q);
      if (e == q || t.regionMatchesIgnoreCase(q, "c.s.")) {
        break;
      }
      String w = t.surface(q, e);
      if (isInitial(t, q, e)) {
        q = e + 1;
        if (t.at(q) == ' ') {
          q++;
        }
        continue;
      }
      if (!isTussenvoegsel(w) && !isSurnameWord(w, upper)) {
        break;
      }
      tokens.add(new int[] {q, e});
      if (t.at(e) != ' ') {
        break;
      }
      q = e + 1;
    }
    int last = tokens.size() - 1;
    while (last >= 0 && isTussenvoegsel(t.surface(tokens.get(last)[0], tokens.get(last)[1]))) {
      last--;
    }
    if (last < 0) {
      return null;
    }
    int first = last;
    while (first > 0 && isTussenvoegsel(t.surface(tokens.get(first - 1)[0], tokens.get(first - 1)[1]))) {
      first--;
    }
    if (first > 0 && first < last + 1) {
      String before = t.surface(tokens.get(first - 1)[0], tokens.get(first - 1)[1]);
      int hyphen = before.lastIndexOf('-');
      if (hyphen > 0 && isTussenvoegsel(before.substring(hyphen + 1))) {
        first--;
      }
    }
    span[0] = tokens.get(last)[1];
    return display(t.surface(tokens.get(first)[0], tokens.get(last)[1]), upper);
  }

  private static boolean isSurnameWord(String w, boolean upper) {
    if (!Character.isUpperCase(w.charAt(0)) || NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return upper || w.length() < 2 || !w.equals(w.toUpperCase(Locale.ROOT));
  }

  /** "J." or "J.J." before a surname. */
  private static boolean isInitial(NormalizedText t, int s, int e) {
    return e - s <= 2 && t.at(e) == '.' && Character.isUpperCase(t.at(s)) && t.at(e + 1) != ' '
        || e - s == 1 && t.at(e) == '.' && Character.isUpperCase(t.at(s)) && Character.isUpperCase(t.at(e + 2));
  }

  private static int tokenEnd(NormalizedText t, int p) {
    int e = p;
    while (e < t.length()) {
      char c = t.charAt(e);
      boolean inner = (c == '-' || c == '\'' || c == '\u2019') && Character.isLetter(t.at(e + 1)) && e > p;
      if (!Character.isLetter(c) && !inner && !(c == '\'' && e == p && t.at(e + 1) == 't')) {
        break;
      }
      e++;
    }
    return e;
  }

  /** "van der Lee" → "Van der Lee"; all-caps headings to title case with lower-case tussenvoegsels. */
  private static String display(String raw, boolean upper) {
    String s = raw;
    if (upper) {
      StringBuilder b = new StringBuilder();
      for (String word : raw.split(" ")) {
        if (!b.isEmpty()) {
          b.append(' ');
        }
        String[] parts = word.split("-");
        for (int k = 0; k < parts.length; k++) {
          if (k > 0) {
            b.append('-');
          }
          String lower = parts[k].toLowerCase(Locale.ROOT);
          b.append(isTussenvoegsel(lower) ? lower : capitalise(lower));
        }
      }
      s = b.toString();
    }
    return capitalise(s);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
