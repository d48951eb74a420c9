package nl.kamerstroom.extraction.ministry;

import java.util.Set;
import nl.kamerstroom.extraction.MinistryMention;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Words;

/**
 * Decides whether a gazetteer hit for a ministry name is a mention, and widens it to the office in front
 * ("Minister van", "staatssecretaris voor", "begroting"). Rejects EU Council formations ("Raad
 * Buitenlandse Zaken"), parliamentary committees ("commissie voor Buitenlandse Zaken"), state finances
 * ("’s Rijks Financiën") and a foreign country's minister ("de Oekraïense minister van Buitenlandse Zaken").
 */
public final class MinistryFinder {

  private static final Set<String> OFFICES = Set.of("minister", "ministers", "ministerie", "ministeries",
      "staatssecretaris", "staatssecretarissen", "bewindspersoon", "bewindspersonen");
  private static final Set<String> BUDGET = Set.of("begroting", "begrotingen", "begrotingshoofdstuk");
  private static final Set<String> NOT_A_MINISTRY_BEFORE = Set.of("raad", "commissie", "rijks", "eu");
  /** Office words after which a ministry name counts in any capitalisation ("minister buitenlandse zaken"). */
  private static final String[] OFFICE_LEADS = {"ministerie ", "ministers ", "minister ", "staatssecretaris "};
  /** How many capitalised words of an EU Council formation may stand between "Raad" and " en …". */
  private static final int COUNCIL_WORDS = 4;

  private MinistryFinder() {}

  /** The mention for a hit at [start, end), or null when the context says it is no ministry. */
  public static MinistryMention accept(NormalizedText t, int start, int end, MinistryName name) {
    int mentionStart = start;
    boolean office = false;
    int w1 = Words.previousWordStart(t, start);
    if (w1 >= 0) {
      String word1 = Words.wordAt(t, w1).toLowerCase();
      if (NOT_A_MINISTRY_BEFORE.contains(word1) || isCommitteeFor(t, w1, word1)) {
        return null;
      }
      if (word1.equals("en") && isCouncilFormation(t, w1)) {
        return null;
      }
      if (word1.equals("van") || word1.equals("voor")) {
        int w2 = officeBefore(t, w1);
        String word2 = w2 < 0 ? "" : Words.wordAt(t, w2).toLowerCase();
        if (OFFICES.contains(word2)) {
          if (isForeign(t, w2)) {
            return null;
          }
          office = true;
          // the second of a pair ("… en voor Ontwikkelingssamenwerking") starts at its preposition
          int before = Words.previousWordStart(t, w1);
          mentionStart = before >= 0 && before != w2 && Words.wordAt(t, before).equals("en") ? w1 : w2;
        } else if (BUDGET.contains(word2)) {
          mentionStart = w2; // "de begroting van Veiligheid en Justitie"
        }
      } else if (BUDGET.contains(word1)) {
        mentionStart = w1;
      }
    }
    if (name.needsOffice() && !office || office && ofAnotherCountry(t, end)) {
      return null;
    }
    return new MinistryMention(t.surface(mentionStart, end), t.originalStart(mentionStart), t.originalEnd(end),
        name.ministry());
  }

  /**
   * The word before "van"/"voor", stepping over "zonder portefeuille" ("minister zonder portefeuille voor
   * Ontwikkelingssamenwerking") and a minister's name ("Minister Klever voor Buitenlandse Handel") to the
   * office in front of them.
   */
  private static int officeBefore(NormalizedText t, int preposition) {
    int w = Words.previousWordStart(t, preposition);
    if (w < 0) {
      return w;
    }
    String word = Words.wordAt(t, w);
    if (word.equals("portefeuille")) {
      int zonder = Words.previousWordStart(t, w);
      return zonder >= 0 && Words.wordAt(t, zonder).equals("zonder") ? Words.previousWordStart(t, zonder) : w;
    }
    if (word.equals("en")) {
      return officeBeforeConjunction(t, w);
    }
    if (Character.isUpperCase(word.charAt(0)) && !OFFICES.contains(word.toLowerCase())) {
      int office = Words.previousWordStart(t, w);
      return office >= 0 && OFFICES.contains(Words.wordAt(t, office).toLowerCase()) ? office : w;
    }
    return w;
  }

  /**
   * "de ministers van Buitenlandse Zaken en voor Ontwikkelingssamenwerking": the office before the first
   * ministry of the pair, reached over its capitalised name; -1 when none stands within a few words.
   */
  private static int officeBeforeConjunction(NormalizedText t, int en) {
    int w = en;
    for (int k = 0; k < COUNCIL_WORDS + 2; k++) {
      w = Words.previousWordStart(t, w);
      if (w < 0) {
        return -1;
      }
      String word = Words.wordAt(t, w);
      if (OFFICES.contains(word.toLowerCase())) {
        return w;
      }
      if (!Character.isUpperCase(word.charAt(0)) && !word.equals("van") && !word.equals("voor")
          && !word.equals("en")) {
        return -1;
      }
    }
    return -1;
  }

  /** "Raad Justitie en Binnenlandse Zaken": the name after " en " ends an EU Council formation. */
  private static boolean isCouncilFormation(NormalizedText t, int en) {
    int w = en;
    for (int k = 0; k < COUNCIL_WORDS; k++) {
      w = Words.previousWordStart(t, w);
      if (w < 0 || !Character.isUpperCase(t.charAt(w))) {
        return false;
      }
      if (Words.wordAt(t, w).equals("Raad")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where a ministry name would start after an office word at {@code i} ("minister ", "ministerie van ",
   * "minister zonder portefeuille voor "), in any capitalisation; -1 when {@code i} holds no office word.
   */
  public static int afterOffice(NormalizedText t, int i) {
    char second = t.at(i + 1);
    if (second != 'i' && second != 't' && second != 'I' && second != 'T') {
      return -1; // most words starting with m or s: one char decides
    }
    for (String lead : OFFICE_LEADS) {
      if (t.regionMatchesIgnoreCase(i, lead)) {
        int p = i + lead.length();
        if (t.regionMatchesIgnoreCase(p, "zonder portefeuille ")) {
          p += "zonder portefeuille ".length();
        }
        if (t.regionMatchesIgnoreCase(p, "van ")) {
          p += 4;
        } else if (t.regionMatchesIgnoreCase(p, "voor ")) {
          p += 5;
        }
        return p;
      }
    }
    return -1;
  }

  /**
   * The mention for an office at {@code officeStart} whose ministry name, ending at {@code end}, is written
   * in lower case ("minister van buitenlandse zaken" in older Kamervragen); null for a foreign minister.
   */
  public static MinistryMention office(NormalizedText t, int officeStart, int end, MinistryName name) {
    if (isForeign(t, officeStart) || ofAnotherCountry(t, end)) {
      return null;
    }
    return new MinistryMention(t.surface(officeStart, end), t.originalStart(officeStart), t.originalEnd(end),
        name.ministry());
  }

  /** "(vaste) commissie voor Buitenlandse Zaken" is a committee of parliament, not the ministry. */
  private static boolean isCommitteeFor(NormalizedText t, int w1, String word1) {
    if (!word1.equals("voor")) {
      return false;
    }
    int w2 = Words.previousWordStart(t, w1);
    return w2 >= 0 && Words.wordAt(t, w2).toLowerCase().endsWith("commissie");
  }

  /** "de minister van Buitenlandse Zaken van Oekraïne / van de Verenigde Staten": not a Dutch minister. */
  private static boolean ofAnotherCountry(NormalizedText t, int end) {
    int p = end;
    if (!t.regionMatches(p, " van ")) {
      return false;
    }
    p += 5;
    if (t.regionMatches(p, "de ") || t.regionMatches(p, "het ")) {
      p = t.at(p + 2) == ' ' ? p + 3 : p + 4;
    }
    return Character.isUpperCase(t.at(p)) && !t.regionMatches(p, "Nederland") && !t.regionMatches(p, "Koninkrijk");
  }

  /** "de Oekraïense minister van ...": a nationality adjective other than Dutch before the office. */
  private static boolean isForeign(NormalizedText t, int officeStart) {
    int w = Words.previousWordStart(t, officeStart);
    if (w < 0) {
      return false;
    }
    String adj = Words.wordAt(t, w);
    return Character.isUpperCase(adj.charAt(0)) && (adj.endsWith("se") || adj.endsWith("sche"))
        && !adj.equalsIgnoreCase("Nederlandse") && !adj.equalsIgnoreCase("Nederlandsche");
  }
}
