package nl.kamerstroom.extraction.motion;

import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukParser;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * A motion read out in the Handelingen, identified by the chair: "Deze motie is voorgesteld door de
 * leden A en B. [Naar mij blijkt, …] Zij krijgt nr. 12[, was nr. 9] (36045)." or, in the Eerste Kamer,
 * "Zij krijgt letter G (35570)." The whole sentence pair is the mention.
 */
final class ReadOutMotion {

  /** How far after the submitters the chair's "Zij krijgt nr." may follow. */
  private static final int HANDELINGEN_WINDOW = 200;

  private ReadOutMotion() {}

  /** "Deze motie is voorgesteld door de leden A en B. Zij krijgt nr. 12, was nr. 9 (36045)." */
  static MotionMention at(NormalizedText t, int i) {
    int start = i - 5;
    if (!t.regionMatchesIgnoreCase(start, "deze ") || !t.regionMatchesIgnoreCase(i + 5, " is voorgesteld door ")) {
      return null;
    }
    int p = i + 5 + " is voorgesteld door ".length();
    p = MotionFinder.skipLead(t, p);
    Submitters s = SubmitterParser.parse(t, p, false);
    // the chair may say more before numbering it: "Naar mij blijkt, wordt de indiening ervan voldoende
    // ondersteund."
    int k = indexOfIgnoreCase(t, "zij krijgt ", s.end(), s.end() + HANDELINGEN_WINDOW);
    if (k < 0) {
      return null;
    }
    k += "zij krijgt ".length();
    int numberStart;
    if (t.regionMatchesIgnoreCase(k, "nr. ")) {
      numberStart = k + 4;
    } else if (t.regionMatchesIgnoreCase(k, "letter ")) {
      numberStart = k + 7;
    } else {
      return null;
    }
    int numberEnd = MotionFinder.tokenEnd(t, numberStart);
    String number = t.surface(numberStart, numberEnd);
    k = numberEnd;
    String replacedNumber = null;
    if (t.regionMatchesIgnoreCase(k, ", was nr. ")) {
      int rs = k + ", was nr. ".length();
      k = MotionFinder.tokenEnd(t, rs);
      replacedNumber = t.surface(rs, k);
    }
    if (t.at(k) == ' ') {
      k++;
    }
    Kamerstuk dossier = t.at(k) == '(' ? KamerstukParser.parse(t, k + 1, true) : null;
    String d = dossier == null ? null : dossier.dossier();
    int end = dossier == null ? numberEnd : ReferenceWindow.closeParen(t, dossier.end());
    return MotionFinder.mention(t, start, end, s, d, number, null, null,
        replacedNumber == null ? null : d == null ? replacedNumber : d + "-" + replacedNumber);
  }

  private static int indexOfIgnoreCase(NormalizedText t, String word, int from, int to) {
    int limit = Math.min(to, t.length());
    char first = word.charAt(0);
    for (int k = from; k < limit; k++) {
      if (Character.toLowerCase(t.charAt(k)) == first && t.regionMatchesIgnoreCase(k, word)) {
        return k;
      }
    }
    return -1;
  }

}
