package nl.kamerstroom.extraction.motion;

import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukParser;
import nl.kamerstroom.extraction.text.NormalizedText;

/** The text after a motion's submitters: its kamerstuk, the motion it replaces, the closing parenthesis. */
final class ReferenceWindow {

  /** The EU dossier series whose parts are sub-dossiers ("21501-20" is the dossier of the European Council). */
  private static final String SUB_DOSSIER_SERIES = "21501";

  private ReferenceWindow() {}

  /**
   * The kamerstuk of a reference: the first "(", "Kamerstuk" or ", " (a kamerstuk set off by commas) after
   * the submitters that parses with its number, before the next motion, the end of the sentence or the
   * window.
   */
  static Kamerstuk kamerstukAfter(NormalizedText t, int from, int window) {
    int limit = Math.min(t.length(), from + window);
    for (int k = from; k < limit; k++) {
      char c = t.charAt(k);
      if (c == '(') {
        Kamerstuk ks = KamerstukParser.parse(t, k + 1, false);
        if (ks == null) {
          ks = compact(t, k + 1);
          ks = ks != null && t.at(ks.end()) == ')' ? ks : null;
        }
        if (ks != null) {
          return ks;
        }
      } else if ((c == 'K' || c == 'k') && t.regionMatchesIgnoreCase(k, "kamerstuk") && !Character.isLetter(t.at(k - 1))) {
        Kamerstuk ks = KamerstukParser.parse(t, k, false);
        if (ks != null) {
          return ks;
        }
      } else if (c == ',' && t.at(k + 1) == ' ' && Character.isDigit(t.at(k + 2))) {
        Kamerstuk ks = KamerstukParser.parse(t, k + 2, false); // "mijn motie bij de Miljoenennota, 36200, nr. 41"
        if (ks != null) {
          return ks;
        }
      } else if ((c == 'm' || c == 'M') && k > from && MotionFinder.isAnchor(t, k)) {
        return null;
      } else if (c == '.' && t.at(k + 1) == ' ' && Character.isUpperCase(t.at(k + 2)) && wordBeforeIsLong(t, k)) {
        return null;
      } else if (c == '-' && t.at(k - 1) == ' ' && t.at(k + 1) == ' ' && Character.isDigit(t.at(k + 2))) {
        return null; // "… - 21501-07-1502": the number of an incoming letter; its kamerstuk is not the motion's
      }
    }
    return null;
  }

  /** How far below its marker a footnote may stand: the foot of the page, a page of text further at most. */
  private static final int FOOTNOTE_REACH = 6000;

  /**
   * "de motie van de leden Knops en Ten Broeke2 …" with the footnote "2 Kamerstuk 27 925, nr. 556; deze motie
   * werd … aangehouden.": the kamerstuk of the footnote whose number is glued to the submitters ending at
   * {@code end} (after a letter or "c.s."), else null. Footnotes that name the motion again ("3 Motie van het
   * lid X, Kamerstuk …") are mentions of their own, resolved by their submitters.
   */
  static Kamerstuk footnoteKamerstuk(NormalizedText t, int end) {
    int e = end;
    while (Character.isDigit(t.at(e)) && e - end < 2) {
      e++;
    }
    char before = t.at(end - 1);
    if (e == end || Character.isLetterOrDigit(t.at(e)) || !Character.isLetter(before) && before != '.') {
      return null;
    }
    String note = " " + t.surface(end, e) + " Kamerstuk";
    int limit = Math.min(t.length(), e + FOOTNOTE_REACH) - note.length();
    for (int k = e; k <= limit; k++) {
      if (t.charAt(k) == ' ' && t.at(k + 1) == note.charAt(1) && t.regionMatches(k, note)) {
        return KamerstukParser.parse(t, k + note.length() - 9, false);
      }
    }
    return null;
  }

  /**
   * Where the footnote holding {@code p} ends in the normalised text: at the next line that starts another
   * footnote ("3 Motie …"), at a blank line or after three lines.
   */
  static int footnoteEnd(NormalizedText t, int p) {
    String original = t.original();
    int lineEnd = original.indexOf('\n', t.originalEnd(p));
    for (int line = 1; line < 3 && lineEnd >= 0 && lineEnd + 1 < original.length(); line++) {
      char next = original.charAt(lineEnd + 1);
      if (next == '\n' || Character.isDigit(next)) {
        break;
      }
      lineEnd = original.indexOf('\n', lineEnd + 1);
    }
    int end = p;
    while (end < t.length() && (lineEnd < 0 || t.originalStart(end) < lineEnd)) {
      end++;
    }
    return end;
  }

  /** A sentence ends at ". X" unless the dot closes an abbreviation or initial ("nr.", "c.s.", "J."). */
  static boolean wordBeforeIsLong(NormalizedText t, int dot) {
    int s = dot;
    while (s > 0 && Character.isLetter(t.charAt(s - 1))) {
      s--;
    }
    return dot - s >= 4 || dot > s && Character.isDigit(t.at(s - 1)) || dot == s && t.at(dot - 1) == ')';
  }

  /** ", was nr. 12" or ", t.v.v. nr. 12" after the kamerstuk of an amended motion. */
  static int[] replacedAfter(NormalizedText t, int p) {
    for (String lead : new String[] {", was nr. ", " (was nr. ", ", t.v.v. nr. ", ", ter vervanging van nr. "}) {
      if (t.regionMatchesIgnoreCase(p, lead) && Character.isDigit(t.at(p + lead.length()))) {
        int s = p + lead.length();
        int e = MotionFinder.tokenEnd(t, s);
        return new int[] {s, t.at(e) == ')' && lead.startsWith(" (") ? e + 1 : e};
      }
    }
    return null;
  }

  static int closeParen(NormalizedText t, int p) {
    int q = p;
    if (t.at(q) == ' ') {
      q++;
    }
    return t.at(q) == ')' ? q + 1 : p;
  }


  /**
   * The kamerstuk heading a motion in a list of decisions: "36045-53 Motie van het lid Kuzu over …",
   * "21501-20-1768 Motie …". Only a five-digit dossier, so years ("2022-2023") are not taken for one.
   */
  static Kamerstuk listNumberBefore(NormalizedText t, int motie) {
    int e = motie - 1;
    if (t.at(e) != ' ') {
      return null;
    }
    int s = e;
    while (s > 0 && (Character.isLetterOrDigit(t.charAt(s - 1)) || t.charAt(s - 1) == '-')) {
      s--;
    }
    if (s > 0 && !Character.isWhitespace(t.charAt(s - 1)) || e - s < 7 || !digits(t, s, 5) || t.at(s + 5) != '-') {
      return null;
    }
    String id = t.surface(s, e);
    int dash = id.lastIndexOf('-');
    String number = id.substring(dash + 1);
    if (number.isEmpty() || !Character.isDigit(number.charAt(0))) {
      return null;
    }
    return new Kamerstuk(s, e, null, null, id.substring(0, dash), number);
  }

  /**
   * A compact motion id as vote lists and the Regeling van werkzaamheden write it: "36180-22",
   * "35925-XVII-46", "21501-20-1768" (the last part is the number, the rest the dossier); null unless it
   * starts with a five-digit dossier and ends in a number. "21501-20" alone is the dossier 21501-20 (its
   * parts are sub-dossiers), not a motion.
   */
  static Kamerstuk compact(NormalizedText t, int s) {
    if (!digits(t, s, 5) || t.at(s + 5) != '-') {
      return null;
    }
    int e = s + 5;
    while (t.at(e) == '-' && Character.isLetterOrDigit(t.at(e + 1))) {
      e++;
      while (Character.isLetterOrDigit(t.at(e))) {
        e++;
      }
    }
    String id = t.surface(s, e);
    int dash = id.lastIndexOf('-');
    String number = id.substring(dash + 1);
    String dossier = id.substring(0, dash);
    if (!Character.isDigit(number.charAt(0)) || dossier.equals(SUB_DOSSIER_SERIES)) {
      return null;
    }
    return new Kamerstuk(s, e, null, null, dossier, number);
  }

  private static boolean digits(NormalizedText t, int p, int count) {
    for (int k = 0; k < count; k++) {
      if (!Character.isDigit(t.at(p + k))) {
        return false;
      }
    }
    return !Character.isDigit(t.at(p + count));
  }
}
