package nl.kamerstroom.extraction.motion;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Words;

/**
 * What became of a motion, read right after its mention:
 * <ul>
 *   <li>in the rest of its sentence: "de motie-Kuzu (36045, nr. 53) is aangehouden / ingetrokken /
 *       aangenomen / verworpen / gewijzigd", "stel ik voor, zijn motie (…) aan te houden";
 *   <li>after "In stemming komt de motie-X (…)." in a vote record: the chair's verdict ("Ik constateer dat de
 *       leden van de fracties van A, B en C voor deze motie hebben gestemd en de leden van de overige fracties
 *       ertegen, zodat zij is aangenomen", "met algemene stemmen is aangenomen"), with the parties for and
 *       against where named ("de leden van de fracties van A en B ertegen … en de leden van de overige fracties
 *       ervoor" names those against), also in the Eerste Kamer's "(Voor stemmen de leden van de fracties van:
 *       A, B.)";
 *   <li>in a list of vote results: "36200-VI-52 Motie van het lid X over … Besluit: Aangenomen. Voor: A, B (82
 *       zetels) Tegen: C (68 zetels)", also labelled "Uitslag:" or "Resultaat:", or the verdict alone
 *       ("Verworpen.");
 *   <li>around it, a separable verb: "houd ik mijn motie op stuk nr. 12 aan", "trek ik de motie … in".
 * </ul>
 */
final class MotionOutcome {

  /** How far the chair's verdict may follow a motion put to the vote. */
  private static final int VERDICT_WINDOW = 900;
  /** How far the rest of a mention's sentence is read for its fate. */
  private static final int SENTENCE_WINDOW = 250;
  private static final String[][] FATES = {{"aan te houden", "aangehouden"}, {"aangehouden", "aangehouden"},
      {"ingetrokken", "ingetrokken"}, {"aangenomen", "aangenomen"}, {"verworpen", "verworpen"},
      {"gewijzigd", "gewijzigd"},
      // the verb of a subordinate clause: "laten weten dat zij haar motie (…) intrekt / aanhoudt"
      {"in te trekken", "ingetrokken"}, {"intrekt", "ingetrokken"}, {"intrekken", "ingetrokken"},
      {"aanhoudt", "aangehouden"}, {"aanhouden", "aangehouden"}};

  /** Where a list of parties for a motion ends: not at any " voor " ("Forum voor Democratie"). */
  private static final String[] FOR_ENDS = {" voor deze ", " voor de motie", " voor de gewijzigde ", " voor het ",
      " ervoor"};

  /** Where a list of parties against a motion ends: "… ertegen", "… tegen deze motie hebben gestemd". */
  private static final String[] AGAINST_ENDS = {" ertegen", " tegen deze ", " tegen de motie", " tegen de gewijzigde "};

  /** Verbs whose particle "aan" follows the motion: "houd ik mijn motie … aan", "nam de Kamer de motie … aan". */
  private static final String[][] VERBS_WITH_AAN = {{" houd ", "aangehouden"}, {" houdt ", "aangehouden"},
      {" houden ", "aangehouden"}, {" hield ", "aangehouden"}, {" nam ", "aangenomen"}, {" namen ", "aangenomen"},
      {" neemt ", "aangenomen"}, {" nemen ", "aangenomen"}};
  /** Verbs whose particle "in" follows the motion: "trek ik de motie … in". */
  private static final String[][] VERBS_WITH_IN = {{" trek ", "ingetrokken"}, {" trekt ", "ingetrokken"},
      {" trekken ", "ingetrokken"}, {" trok ", "ingetrokken"}, {" trokken ", "ingetrokken"}};

  private MotionOutcome() {}

  /** How far a vote list's "Besluit: …" may follow its motion (the motion's title sits between). */
  private static final int DECISION_WINDOW = 400;
  /** The labels of a vote list's verdict: "Besluit: Aangenomen.", "Uitslag: Verworpen.", "Resultaat: …". */
  private static final String[] DECISION_LABELS = {"Besluit: ", "Uitslag: ", "Resultaat: "};
  /** A vote list's verdict without a label, a sentence of its own: "Aangenomen." or "Verworpen met …". */
  private static final String[] BARE_VERDICTS = {"Aangenomen", "Verworpen", "Aangehouden", "Ingetrokken"};

  private static boolean isBareVerdict(NormalizedText t, int k) {
    for (String verdict : BARE_VERDICTS) {
      if (t.regionMatches(k, verdict)) {
        int e = k + verdict.length();
        return t.at(e) == '.' || t.regionMatches(e, " met ");
      }
    }
    return false;
  }

  /** {@code m} with its fate, for a mention spanning [start, end) of the normalised text. */
  static MotionMention attach(NormalizedText t, int start, int end, MotionMention m) {
    if (putToTheVote(t, start)) {
      return verdict(t, end, m);
    }
    MotionMention decided = decision(t, end, m);
    if (decided != null) {
      return decided;
    }
    String fate = fateInSentence(t, start, end);
    if (fate == null) {
      fate = fateBefore(t, start);
    }
    return fate == null ? m : m.withOutcome(fate, List.of(), List.of());
  }

  /** {@code m} with the first fate stated in [from, limit) (a footnote about it), else {@code m}. */
  static MotionMention fateWithin(NormalizedText t, int from, int limit, MotionMention m) {
    for (int k = from; k < limit; k++) {
      for (String[] fate : FATES) {
        if (fate[0].charAt(0) == t.charAt(k) && k + fate[0].length() <= limit && t.regionMatches(k, fate[0])
            && !Character.isLetter(t.at(k - 1)) && !Character.isLetter(t.at(k + fate[0].length()))) {
          return m.withOutcome(fate[1], List.of(), List.of());
        }
      }
    }
    return m;
  }

  /** "de aangenomen motie-Koopmans", "de verworpen motie op stuk nr. 12": the fate as the motion's adjective. */
  private static String fateBefore(NormalizedText t, int start) {
    if (t.surface(Math.max(0, start - 25), start).contains("ter vervanging van ")) {
      return "gewijzigd"; // "De gewijzigde motie is ingediend ter vervanging van de motie-X (…)"
    }
    int w = Words.previousWordStart(t, start);
    if (w < 0) {
      return null;
    }
    String word = Words.wordAt(t, w);
    for (String[] fate : FATES) {
      if (fate[1].equals(word) && !fate[1].equals("gewijzigd")) {
        return fate[1]; // not "gewijzigde motie": that is the new motion, its fate still to come
      }
    }
    return null;
  }

  /** "Besluit: Aangenomen. Voor: A, B (82 zetels) Tegen: C": the motion's line in a list of vote results. */
  private static MotionMention decision(NormalizedText t, int end, MotionMention m) {
    int limit = Math.min(t.length(), end + DECISION_WINDOW);
    int decision = -1;
    for (int k = end; k < limit && decision < 0; k++) {
      char c = t.charAt(k);
      if ((c == 'm' || c == 'M') && MotionFinder.isAnchor(t, k)) {
        return null; // the next motion's line
      }
      if (c == 'B' || c == 'U' || c == 'R') {
        for (String label : DECISION_LABELS) {
          if (t.regionMatches(k, label)) {
            decision = k + label.length();
          }
        }
      } else if ((c == 'A' || c == 'V' || c == 'I') && t.at(k - 1) == ' ' && isBareVerdict(t, k)) {
        decision = k; // the verdict alone on the line after the motion: "… (36200-VI-52) Aangenomen."
      }
    }
    if (decision < 0) {
      return null;
    }
    int wordEnd = MotionFinder.tokenEnd(t, decision);
    String word = t.surface(decision, wordEnd).toLowerCase(java.util.Locale.ROOT);
    String fate = null;
    for (String[] candidate : FATES) {
      if (candidate[0].equals(word)) {
        fate = candidate[1];
      }
    }
    if (fate == null) {
      return null;
    }
    int next = nextMotion(t, wordEnd, limit);
    int forList = indexOf(t, "Voor: ", wordEnd, next);
    int againstList = indexOf(t, "Tegen: ", wordEnd, next);
    return m.withOutcome(fate, forList < 0 ? List.of() : parties(t, forList + 6, next),
        againstList < 0 ? List.of() : parties(t, againstList + 7, next));
  }

  private static int nextMotion(NormalizedText t, int from, int limit) {
    for (int k = from; k < limit; k++) {
      char c = t.charAt(k);
      if ((c == 'm' || c == 'M') && MotionFinder.isAnchor(t, k)) {
        return k;
      }
    }
    return limit;
  }

  /** "In stemming komt de [gewijzigde] motie-…", "Aan de orde is de stemming over de motie-…". */
  private static boolean putToTheVote(NormalizedText t, int start) {
    int from = Math.max(0, start - 40);
    return indexOf(t, "In stemming komt ", from, start) >= 0 || indexOf(t, "stemming over ", from, start) >= 0;
  }

  private static String fateInSentence(NormalizedText t, int start, int end) {
    int q = t.at(end) == ')' ? end + 1 : end;
    if (t.regionMatches(q, " aan") && !Character.isLetter(t.at(q + 4))) {
      String fate = separableVerb(t, start, true); // "nam de Kamer de motie-X (…) aan over …"
      if (fate != null) {
        return fate;
      }
    }
    int limit = Math.min(t.length(), end + SENTENCE_WINDOW);
    for (int k = end; k < limit; k++) {
      char c = t.charAt(k);
      boolean aan = t.regionMatches(k - 4, " aan");
      if (c == '.' && (t.at(k + 1) == ' ' || k + 1 >= t.length())
          && (ReferenceWindow.wordBeforeIsLong(t, k) || aan || t.regionMatches(k - 3, " in"))) {
        // the sentence ends ("aan." and "in." are no abbreviations)
        String verb = aan || t.regionMatches(k - 3, " in") ? separableVerb(t, start, aan) : null;
        if (verb != null || !t.regionMatches(k + 2, "Die motie ") && !t.regionMatches(k + 2, "Deze motie ")) {
          return verb;
        }
        k += 11; // "… (Kamerstuk 32 847, nr. 151) over X. Die motie is destijds verworpen.": read on
        continue;
      }
      if ((c == 'm' || c == 'M') && MotionFinder.isAnchor(t, k) && !coordinated(t, end, k) && !anaphoric(t, k)) {
        return null; // another motion's fate follows
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

  /**
   * "Ik houd mijn motie op stuk nr. 12 aan.", "Dan trek ik de motie-X in.": the verb just before the mention,
   * its particle ending the sentence.
   */
  private static String separableVerb(NormalizedText t, int start, boolean aan) {
    String before = " " + t.surface(Math.max(0, start - 40), start);
    for (String[] verb : aan ? VERBS_WITH_AAN : VERBS_WITH_IN) {
      if (before.contains(verb[0])) {
        return verb[1];
      }
    }
    return null;
  }

  /** "…, en dat die motie is aangenomen": "die/deze motie" after a mention refers back to it. */
  private static boolean anaphoric(NormalizedText t, int motie) {
    return t.regionMatches(motie - 4, "die ") || t.regionMatches(motie - 5, "deze ")
        || t.regionMatches(motie - 4, "Die ") || t.regionMatches(motie - 5, "Deze ");
  }

  /** "de motie-A (…) en de motie-B (…) aan te houden": both motions share the fate that follows. */
  private static boolean coordinated(NormalizedText t, int end, int nextMotion) {
    String gap = t.surface(end, nextMotion).strip();
    return gap.equals("en de") || gap.equals("en") || gap.equals(", de") || gap.equals(",") || gap.equals("en het");
  }

  private static MotionMention verdict(NormalizedText t, int end, MotionMention m) {
    int limit = Math.min(t.length(), end + VERDICT_WINDOW);
    for (String nextVote : new String[] {"In stemming komt ", "stemming over "}) {
      int next = indexOf(t, nextVote, end, limit);
      limit = next < 0 ? limit : next; // the next motion's vote, and its verdict, start here
    }
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
      // "de (aanwezige) leden van de fractie(s) van A en B voor deze / de (gewijzigde) motie … en de leden
      // van de fractie(s) van C ertegen", or the other way round: "… van A ertegen (tegen deze motie) … en …
      // van C ervoor"
      int fracties = indexOf(t, "leden van de fractie", end, limit);
      int listStart = fracties < 0 ? -1 : afterFractiesVan(t, fracties);
      int voor = listStart < 0 ? -1 : firstOf(t, FOR_ENDS, listStart, limit);
      int ertegen = listStart < 0 ? -1 : firstOf(t, AGAINST_ENDS, listStart, limit);
      boolean forFirst = voor >= 0 && (ertegen < 0 || voor < ertegen);
      int firstEnd = forFirst ? voor : ertegen;
      if (firstEnd >= 0) {
        List<String> first = parties(t, listStart, firstEnd);
        int other = indexOf(t, "en de leden van de fractie", firstEnd, limit);
        int otherStart = other < 0 ? -1 : afterFractiesVan(t, other + 6);
        int otherEnd = otherStart < 0 ? -1 : firstOf(t, forFirst ? AGAINST_ENDS : FOR_ENDS, otherStart, limit);
        List<String> second = otherEnd < 0 ? List.of() : parties(t, otherStart, otherEnd);
        List<String> members = memberBefore(t, fracties, end);
        if (!members.isEmpty()) {
          first = concat(members, first); // "het lid Bontes en de leden van de fractie van de PVV voor …"
        }
        parties = forFirst ? first : second;
        opponents = forFirst ? second : first;
      }
    }
    return m.withOutcome(fate, parties, opponents);
  }

  /** "het lid X en " right before the "leden van de fractie…" at {@code leden}: [X], else none. */
  private static List<String> memberBefore(NormalizedText t, int leden, int from) {
    String and = " en de ";
    if (!t.regionMatches(leden - and.length(), and)) {
      return List.of();
    }
    int lid = lastIndexOf(t, "het lid ", Math.max(from, leden - 60), leden);
    return lid < 0 ? List.of() : List.of(t.surface(lid + 8, leden - and.length()));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static int lastIndexOf(NormalizedText t, String word, int from, int to) {
    for (int k = Math.min(to, t.length()) - word.length(); k >= Math.max(0, from); k--) {
      if (t.charAt(k) == word.charAt(0) && t.regionMatches(k, word)) {
        return k;
      }
    }
    return -1;
  }

  /** At "leden van de fractie…": where the party list after "fractie van " or "fracties van " starts, else -1. */
  private static int afterFractiesVan(NormalizedText t, int leden) {
    for (String lead : new String[] {"leden van de fracties van ", "leden van de fractie van "}) {
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
    while (end < limit && t.charAt(end) != '.' && t.charAt(end) != ')' && t.charAt(end) != ';'
        && t.charAt(end) != '(' && !t.regionMatches(end, " Tegen: ")) { // "(82 zetels)", the next list
      end++;
    }
    List<String> out = new ArrayList<>();
    for (String item : t.surface(p, end).split(",| en ")) {
      String party = item.strip();
      if (party.startsWith("de ")) {
        party = party.substring(3);
      } else if (party.startsWith("het lid ")) {
        party = party.substring(8); // a member voting on his own, as a one-member group: "het lid Houwers"
      } else if (party.startsWith("het ")) {
        party = party.substring(4);
      }
      if (!party.isEmpty() && !party.startsWith("de leden")) {
        out.add(party);
      }
    }
    return out;
  }

  private static int firstOf(NormalizedText t, String[] words, int from, int to) {
    int first = -1;
    for (String word : words) {
      int k = indexOf(t, word, from, first < 0 ? to : first);
      first = k >= 0 ? k : first;
    }
    return first;
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
