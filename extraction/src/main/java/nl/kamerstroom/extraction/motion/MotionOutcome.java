package nl.kamerstroom.extraction.motion;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * What became of a motion, read right after its mention:
 * <ul>
 *   <li>in the rest of its sentence: "de motie-Kuzu (36045, nr. 53) is aangehouden / ingetrokken /
 *       aangenomen / verworpen / gewijzigd", "stel ik voor, zijn motie (…) aan te houden";
 *   <li>after "In stemming komt de motie-X (…)." in a vote record: the chair's verdict ("Ik constateer dat de
 *       leden van de fracties van A, B en C voor deze motie hebben gestemd en de leden van de overige fracties
 *       ertegen, zodat zij is aangenomen", "met algemene stemmen is aangenomen"), with the parties for and
 *       against where named, also in the Eerste Kamer's "(Voor stemmen de leden van de fracties van: A, B.)".
 * </ul>
 */
final class MotionOutcome {

  /** How far the chair's verdict may follow a motion put to the vote. */
  private static final int VERDICT_WINDOW = 900;
  /** How far the rest of a mention's sentence is read for its fate. */
  private static final int SENTENCE_WINDOW = 250;
  private static final String[][] FATES = {{"aan te houden", "aangehouden"}, {"aangehouden", "aangehouden"},
      {"ingetrokken", "ingetrokken"}, {"aangenomen", "aangenomen"}, {"verworpen", "verworpen"},
      {"gewijzigd", "gewijzigd"}};

  private MotionOutcome() {}

  /** {@code m} with its fate, for a mention spanning [start, end) of the normalised text. */
  static MotionMention attach(NormalizedText t, int start, int end, MotionMention m) {
    if (putToTheVote(t, start)) {
      return verdict(t, end, m);
    }
    String fate = fateInSentence(t, end);
    return fate == null ? m : m.withOutcome(fate, List.of(), List.of());
  }

  /** "In stemming komt de [gewijzigde] motie-…". */
  private static boolean putToTheVote(NormalizedText t, int start) {
    int from = Math.max(0, start - 40);
    return indexOf(t, "In stemming komt ", from, start) >= 0;
  }

  private static String fateInSentence(NormalizedText t, int end) {
    int limit = Math.min(t.length(), end + SENTENCE_WINDOW);
    for (int k = end; k < limit; k++) {
      char c = t.charAt(k);
      if (c == '.' && (t.at(k + 1) == ' ' || k + 1 >= t.length()) && ReferenceWindow.wordBeforeIsLong(t, k)
          || (c == 'm' || c == 'M') && MotionFinder.isAnchor(t, k)) {
        return null; // the sentence ends, or another motion's fate follows
      }
      if (c == 'a' || c == 'i' || c == 'v' || c == 'g') {
        for (String[] fate : FATES) {
          if (fate[0].charAt(0) == c && t.regionMatches(k, fate[0]) && !Character.isLetter(t.at(k - 1))
              && !Character.isLetter(t.at(k + fate[0].length()))) {
            return fate[1];
          }
        }
      }
    }
    return null;
  }

  private static MotionMention verdict(NormalizedText t, int end, MotionMention m) {
    int next = indexOf(t, "In stemming komt ", end, end + VERDICT_WINDOW);
    int limit = next < 0 ? Math.min(t.length(), end + VERDICT_WINDOW) : next;
    String fate = null;
    for (String[] candidate : new String[][] {{"is aangenomen", "aangenomen"}, {"is verworpen", "verworpen"},
        {"aangenomen", "aangenomen"}, {"verworpen", "verworpen"}}) {
      if (indexOf(t, candidate[0], end, limit) >= 0) {
        fate = candidate[1];
        break;
      }
    }
    if (fate == null) {
      return m;
    }
    List<String> parties = List.of();
    List<String> opponents = List.of();
    int forList = indexOf(t, "Voor stemmen de leden van de fracties van", end, limit);
    if (forList >= 0) {
      parties = parties(t, forList + "Voor stemmen de leden van de fracties van".length(), limit);
      int againstList = indexOf(t, "Tegen stemmen de leden van de fracties van", end, limit);
      if (againstList >= 0) {
        opponents = parties(t, againstList + "Tegen stemmen de leden van de fracties van".length(), limit);
      }
    } else {
      // "de leden van de fractie(s) van A en B voor deze / de (gewijzigde) motie … en de leden van de
      // fractie(s) van C ertegen"
      int fracties = indexOf(t, "de leden van de fractie", end, limit);
      int listStart = fracties < 0 ? -1 : afterFractiesVan(t, fracties);
      int voor = listStart < 0 ? -1 : indexOf(t, " voor ", listStart, limit);
      if (voor >= 0) {
        parties = parties(t, listStart, voor);
        int against = indexOf(t, "en de leden van de fractie", voor, limit);
        int againstStart = against < 0 ? -1 : afterFractiesVan(t, against + 3);
        int ertegen = againstStart < 0 ? -1 : indexOf(t, " ertegen", againstStart, limit);
        if (ertegen >= 0) {
          opponents = parties(t, againstStart, ertegen);
        }
      }
    }
    return m.withOutcome(fate, parties, opponents);
  }

  /** After "de leden van de fractie van " or "… fracties van ": where the party list starts, else -1. */
  private static int afterFractiesVan(NormalizedText t, int leden) {
    for (String lead : new String[] {"de leden van de fracties van ", "de leden van de fractie van "}) {
      if (t.regionMatches(leden, lead)) {
        return leden + lead.length();
      }
    }
    return -1;
  }

  /** "de SP, GroenLinks, de PvdA en BIJ1" up to {@code limit} or the end of the list → [SP, GroenLinks, …]. */
  private static List<String> parties(NormalizedText t, int from, int limit) {
    int p = from;
    if (t.at(p) == ':') {
      p++;
    }
    int end = p;
    while (end < limit && t.charAt(end) != '.' && t.charAt(end) != ')' && t.charAt(end) != ';') {
      end++;
    }
    List<String> out = new ArrayList<>();
    for (String item : t.surface(p, end).split(",| en ")) {
      String party = item.strip();
      if (party.startsWith("de ")) {
        party = party.substring(3);
      } else if (party.startsWith("het ") && !party.startsWith("het lid")) {
        party = party.substring(4);
      }
      if (!party.isEmpty() && !party.startsWith("het lid") && !party.startsWith("de leden")) {
        out.add(party);
      }
    }
    return out;
  }

  private static int indexOf(NormalizedText t, String word, int from, int to) {
    int limit = Math.min(to, t.length()) - word.length();
    char first = word.charAt(0);
    for (int k = Math.max(0, from); k <= limit; k++) {
      if (t.charAt(k) == first && t.regionMatches(k, word)) {
        return k;
      }
    }
    return -1;
  }
}
