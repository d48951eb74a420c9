package nl.kamerstroom.extraction.motion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukParser;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;
import nl.kamerstroom.extraction.text.Words;

/**
 * Finds motions, triggered by the word "motie" (never "moties" or compounds such as "onderzoeksmotie"):
 * <ul>
 *   <li>references: "Motie Kuzu over … (Kamerstuk II 2021/22, 36045, nr. 53)", "motie-Omtzigt", "de motie
 *       van de leden Hammelburg en Van der Lee", "de motie op stuk nr. 469 van de heer Koerhuis";
 *   <li>motions read out in the Handelingen: "Deze motie is voorgesteld door de leden … Zij krijgt nr. N
 *       (DOSSIER)", also "was nr. M" and Eerste Kamer "letter A";
 *   <li>the heading of a motion document ("MOTIE VAN HET LID SLOB C.S."), numbered by the document's own
 *       kamerstuk.
 * </ul>
 * A "motie" with neither submitters nor a number is generic ("een motie", "deze motie") and skipped.
 */
public final class MotionFinder {

  /** How far after the submitters the kamerstuk of a reference may start (a motion title sits between). */
  private static final int REFERENCE_WINDOW = 400;
  /** Words before "motie" that make it anaphoric: its kamerstuk must follow at once, not later in the sentence. */
  private static final Set<String> ANAPHORIC = Set.of("die", "deze", "dezelfde", "een",
      "zo'n", "zo\u2019n");
  /** How far after "Aan de orde is" a debate's dossier may be named: "… voor het jaar 2019 (35000-V)". */
  private static final int AGENDA_WINDOW = 600;
  /** How far after "moties" the colon opening a list of compact ids may stand. */
  private static final int LIST_WINDOW = 160;
  /** "de motie die ik samen met de heer Y heb ingediend": the speaker and Y submitted it. */
  private static final String JOINT_MOTION = "die ik samen met ";
  /** After "moties": the numbers of several motions of the dossier under debate follow. */
  private static final String[] NUMBER_LIST_LEADS = {" op de stukken nrs. ", " op de stukken nummers ",
      " op stukken nrs. ", " op stuk nrs. ", " op de stukken nr. ", " nrs. "};
  private static final String[] LEADS = {"van het lid ", "van de leden ", "van lid ", "van de heer ",
      "van mevrouw ", "het lid ", "de leden ", "de heer ", "mevrouw ", "lid ", "leden "};

  private MotionFinder() {}

  /** @param own the document's own kamerstuk (for a motion document's heading), may be null */
  public static List<MotionMention> find(NormalizedText t, Kamerstuk own) {
    Scan scan = new Scan();
    AnchorPass.runAlone(t, scan);
    return scan.motions(own);
  }

  /** Collects the motions of one text in the shared pass. */
  public static final class Scan implements AnchorPass.Handler {
    private final List<MotionMention> out = new ArrayList<>();
    /** Motion-document headings: numbered by the document's own kamerstuk, known only after the pass. */
    private final List<Integer> headings = new ArrayList<>();
    /**
     * The dossier under debate: from the agenda item ("Aan de orde is … (35000-V)") or the last motion read
     * out ("Zij krijgt nr. 31 (35000-V)"); a motion referred to only by number ("de motie op stuk nr. 12")
     * belongs to it.
     */
    private String debateDossier;
    /** The dossier of the last motion referred to with its full kamerstuk: the fallback for one by number. */
    private String referencedDossier;
    /** The numbers of the motions read out in the dossier under debate: "nr. 63 van mevrouw X" is one of them. */
    private final Set<String> readOutNumbers = new java.util.HashSet<>();

    /**
     * "Dan nr. 63 van mevrouw Leijten en mevrouw Keijzer. Die motie is overbodig": a minister going through the
     * motions read out in the debate names each by its number and submitters, without the word "motie". Only a
     * number read out in the dossier under debate, followed by "van" and a member; returns where the pass
     * resumes.
     */
    /** A new dossier under debate: the numbers read out under the last one are not its motions. */
    private void debateUnder(String dossier) {
      if (!dossier.equals(debateDossier)) {
        readOutNumbers.clear();
        debateDossier = dossier;
      }
    }

    private int numberOfAReadOutMotion(NormalizedText t, int i) {
      if (!t.regionMatches(i, "nr. ") || !Character.isDigit(t.at(i + 4)) || Character.isLetterOrDigit(t.at(i - 1))) {
        return i + 1;
      }
      int e = tokenEnd(t, i + 4);
      String number = t.surface(i + 4, e);
      int before = Words.previousWordStart(t, i);
      String word = before < 0 ? "" : Words.wordAt(t, before).toLowerCase(Locale.ROOT);
      if (!readOutNumbers.contains(number) || !t.regionMatches(e, " van ") || word.startsWith("stuk")
          || t.at(i - 2) == ',' || t.at(i - 1) == '(') {
        return i + 1; // "op stuk nr. 61 van": the motion anchor's; "(31839, nr. 61)": a kamerstuk
      }
      int p = skipLead(t, e + 5);
      Submitters s = p == e + 5 ? Submitters.NONE : SubmitterParser.parse(t, p, false);
      if (s.names().isEmpty()) {
        return i + 1;
      }
      out.add(mention(t, i, s.end(), s, debateDossier, number, null, null, null));
      return s.end();
    }

    /**
     * The motions, a motion document's heading numbered by {@code own} (may be null), and each mention that
     * names only its submitters resolved to the one kamerstuk the text gives a motion of exactly these
     * submitters ("de motie die ik samen met de heer Y heb ingediend" after the read-out motion of both; a
     * "motie-Diertens/Van Dam" whose footnote gives the kamerstuk).
     */
    public List<MotionMention> motions(Kamerstuk own) {
      return markReplaced(resolveBySubmitters(numberHeadings(own)));
    }

    /**
     * A motion that a changed motion of the same text replaces ("de nader gewijzigde motie-Knops c.s. (26488,
     * nr. 341, was nr. 333)") was changed: its mentions that tell no other fate are "gewijzigd".
     */
    private static List<MotionMention> markReplaced(List<MotionMention> motions) {
      Set<String> replaced = new java.util.HashSet<>();
      for (MotionMention m : motions) {
        if (m.replaces() != null && m.replaces().indexOf('-') > 0) {
          replaced.add(m.replaces());
        }
      }
      if (replaced.isEmpty()) {
        return motions;
      }
      List<MotionMention> out = new ArrayList<>(motions);
      for (int k = 0; k < out.size(); k++) {
        MotionMention m = out.get(k);
        if (m.status() == null && m.dossier() != null && replaced.contains(m.dossier() + "-" + m.number())) {
          out.set(k, m.withOutcome("gewijzigd", List.of(), List.of()));
        }
      }
      return out;
    }

    private List<MotionMention> resolveBySubmitters(List<MotionMention> motions) {
      List<MotionMention> out = new ArrayList<>(motions);
      for (int k = 0; k < out.size(); k++) {
        MotionMention m = out.get(k);
        if (m.number() != null || m.submitters().isEmpty()) {
          continue;
        }
        MotionMention known = null;
        for (MotionMention other : motions) {
          if (other.number() != null && other.dossier() != null && sameSubmitters(m, other)) {
            if (known != null && !known.documentId().equals(other.documentId())) {
              known = null; // two motions of the same submitters: the text does not say which
              break;
            }
            known = other;
          }
        }
        if (known == null && m.submitters().size() == 1) {
          known = firstSubmitterOf(m.submitters().get(0), motions);
        }
        if (known != null) {
          out.set(k, m.withKamerstukOf(known));
        }
      }
      return out;
    }

    /**
     * "de motie van mevrouw Bergkamp" in a debate where the motion of Bergkamp and Ypma was read out: the one
     * numbered motion of the text whose first submitter is the one named (a motion is called after its first
     * submitter), unless a motion of hers alone or two of her motions are numbered; else null.
     */
    private static MotionMention firstSubmitterOf(String name, List<MotionMention> motions) {
      MotionMention known = null;
      for (MotionMention other : motions) {
        if (other.number() == null || other.dossier() == null || other.submitters().isEmpty()
            || !other.submitters().get(0).equalsIgnoreCase(name)) {
          continue;
        }
        if (other.submitters().size() == 1 || known != null && !known.documentId().equals(other.documentId())) {
          return null;
        }
        known = other;
      }
      return known;
    }

    private static boolean sameSubmitters(MotionMention a, MotionMention b) {
      if (a.submitters().size() != b.submitters().size()) {
        return false;
      }
      Set<String> names = new java.util.HashSet<>();
      a.submitters().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
      return b.submitters().stream().allMatch(n -> names.contains(n.toLowerCase(Locale.ROOT)));
    }

    private List<MotionMention> numberHeadings(Kamerstuk own) {
      if (own == null || headings.isEmpty()) {
        return out;
      }
      List<MotionMention> numbered = new ArrayList<>(out);
      for (int k : headings) {
        MotionMention m = out.get(k);
        numbered.set(k, new MotionMention(m.text(), m.start(), m.end(), m.submitters(), m.cs(), own.dossier(),
            own.number(), own.sessionYear(), own.chamber(), own.documentId(),
            m.replaces() == null ? null : own.dossier() + "-" + m.replaces()));
      }
      return numbered;
    }

    @Override
    public List<String> wordStartPrefixes() {
      // "motie(s)", "MOTIE", "Aan de orde is", "nr. 63 van mevrouw …"
      return List.of("mo", "Mo", "MO", "Aa", "nr");
    }

    @Override
    public int at(NormalizedText t, int i) {
      if (t.charAt(i) == 'A') {
        agendaItem(t, i);
        return i + 1;
      }
      if (t.charAt(i) == 'n') {
        return readOutNumbers.isEmpty() ? i + 1 : numberOfAReadOutMotion(t, i);
      }
      if (i + 5 <= t.length() && isAnchor(t, i)) {
        MotionMention m = ReadOutMotion.at(t, i);
        if (m != null) {
          if (m.dossier() != null) {
            debateUnder(m.dossier());
            if (m.number() != null) {
              readOutNumbers.add(m.number());
            }
          }
        } else {
          m = reference(t, i, debateDossier != null ? debateDossier : referencedDossier);
          if (m != null && isHeading(t, i, m)) {
            headings.add(out.size());
          }
        }
        if (m != null) {
          if (m.dossier() != null && m.number() != null) {
            referencedDossier = m.dossier();
          }
          out.add(m);
        }
      } else if ((t.at(i + 5) == 's' || t.at(i + 5) == 'S') && t.regionMatchesIgnoreCase(i, "moties")
          && !Character.isLetter(t.at(i + 6))) {
        int byNumber = numberList(t, i + 6);
        return byNumber > 0 ? byNumber : compactList(t, i + 6);
      }
      return i + 1;
    }

    /**
     * "de moties op de stukken nrs. 2401 en 2402", "moties op stuk nrs. 12, 14 en 15": one motion per number,
     * in the dossier under debate. Returns where the pass resumes, or -1 when no such list follows.
     */
    private int numberList(NormalizedText t, int p) {
      int q = p;
      for (String lead : NUMBER_LIST_LEADS) {
        if (t.regionMatchesIgnoreCase(q, lead)) {
          q += lead.length();
          break;
        }
      }
      if (q == p || !Character.isDigit(t.at(q))) {
        return -1;
      }
      String dossier = debateDossier != null ? debateDossier : referencedDossier;
      while (Character.isDigit(t.at(q))) {
        int e = tokenEnd(t, q);
        out.add(mention(t, q, e, Submitters.NONE, dossier, t.surface(q, e), null, null, null));
        if (t.regionMatches(e, ", ") && Character.isDigit(t.at(e + 2))) {
          q = e + 2;
        } else if (t.regionMatches(e, " en ") && Character.isDigit(t.at(e + 4))) {
          q = e + 4;
        } else {
          return e;
        }
      }
      return q;
    }

    /**
     * "Aan de orde is de behandeling van: - het wetsvoorstel … (35000-V)", "Aan de orde zijn de stemmingen
     * over moties, ingediend bij … (34775-V)": the dossier under debate.
     */
    private void agendaItem(NormalizedText t, int i) {
      if (!t.regionMatches(i, "Aan de orde is ") && !t.regionMatches(i, "Aan de orde zijn ")) {
        return;
      }
      int limit = Math.min(t.length(), i + AGENDA_WINDOW);
      for (int k = i; k < limit; k++) {
        if (t.charAt(k) == '(' && Character.isDigit(t.at(k + 1))) {
          Kamerstuk ks = KamerstukParser.parse(t, k + 1, true);
          if (ks != null && ks.number() == null && t.at(ks.end()) == ')') {
            debateUnder(ks.dossier());
            return;
          }
        }
      }
    }

    /**
     * "de volgende aangehouden moties zijn vervallen: 35925-XVII-46; 36045-53." — each compact id in the
     * list after the colon is a motion. Returns where the pass resumes.
     */
    private int compactList(NormalizedText t, int p) {
      int limit = Math.min(t.length(), p + LIST_WINDOW);
      int colon = -1;
      for (int k = p; k < limit && colon < 0; k++) {
        char c = t.charAt(k);
        if (c == '.' && ReferenceWindow.wordBeforeIsLong(t, k)) {
          return p; // no list: the pass goes on right after "moties" (a heading "Moties" before "De motie-X")
        }
        colon = c == ':' ? k : -1;
      }
      if (colon < 0) {
        return p;
      }
      int q = colon + 1;
      while (true) {
        if (t.at(q) == ' ') {
          q++;
        }
        Kamerstuk ks = ReferenceWindow.compact(t, q);
        if (ks == null) {
          // no list after all ("2.5 Moties / De motie-Hermans c.s. (…) is uitgevoerd: …"): the pass goes on
          // right after "moties", so the motions before the colon are found
          return q == colon + 1 || q == colon + 2 ? p : q;
        }
        out.add(mention(t, q, ks.end(), Submitters.NONE, ks.dossier(), ks.number(), null, null, null));
        q = ks.end();
        if (t.at(q) == ';' || t.at(q) == ',') {
          q++;
        } else if (t.regionMatches(q, " en ")) {
          q += 3;
        } else {
          return q;
        }
      }
    }
  }

  /** "MOTIE VAN HET LID SLOB C.S.": the all-caps heading of a motion document. */
  private static boolean isHeading(NormalizedText t, int i, MotionMention m) {
    return t.regionMatches(i, "MOTIE") && !m.submitters().isEmpty();
  }

  static boolean isAnchor(NormalizedText t, int i) {
    if (!t.regionMatchesIgnoreCase(i, "motie")) {
      return false;
    }
    char before = t.at(i - 1);
    char after = t.at(i + 5);
    return !Character.isLetterOrDigit(before) && before != '-' && !Character.isLetterOrDigit(after);
  }

  private static MotionMention reference(NormalizedText t, int i, String debateDossier) {
    boolean upper = t.regionMatches(i, "MOTIE");
    int before = Words.previousWordStart(t, i);
    boolean anaphoric = before >= 0 && ANAPHORIC.contains(Words.wordAt(t, before).toLowerCase(Locale.ROOT));
    int p = i + 5;
    String number = null;
    int numberEnd = i + 5;
    Kamerstuk leading = null;
    if (t.at(p) == '-' && Character.isUpperCase(t.at(p + 1))) {
      p++;
    } else {
      if (t.at(p) == ',' && t.at(p + 1) == ' ' && opStuk(t, p + 2) != null) {
        p++; // "De eerste motie, op stuk nr. 2437, …"
      }
      if (t.at(p) == ' ') {
        p++;
      }
      int[] stuk = opStuk(t, p);
      if (stuk != null) {
        number = t.surface(stuk[0], stuk[1]);
        numberEnd = stuk[1];
        p = stuk[1];
        if (t.at(p) == ' ') {
          p++;
        }
      } else if (Character.isDigit(t.at(p)) && !anaphoric) {
        leading = leadingKamerstuk(t, p); // "Motie 36 200 XIV, nr. 12 van het lid …", "Motie 36200-XIV-12 van …"
        if (leading != null) {
          p = leading.end();
          numberEnd = p;
          p += t.at(p) == ',' ? 1 : 0;
          p += t.at(p) == ' ' ? 1 : 0;
        }
      }
      p = skipLead(t, p);
    }
    Submitters s = SubmitterParser.parse(t, p, upper);
    if (s.names().isEmpty() && t.regionMatches(p, JOINT_MOTION)) {
      s = JointMotion.submitters(t, p + JOINT_MOTION.length());
    }
    int end = s.names().isEmpty() ? numberEnd : s.end();
    if (number == null && !s.names().isEmpty()) {
      int[] stuk = opStuk(t, t.at(end) == ' ' ? end + 1 : end); // "de motie-Michon-Derkzen op stuk nr. 33"
      if (stuk != null) {
        number = t.surface(stuk[0], stuk[1]);
        end = stuk[1];
      }
    }
    boolean byNumberOnly = number != null;
    String replaces = null;
    Kamerstuk ks = null;
    Kamerstuk footnote = null;
    if (upper && !s.names().isEmpty()) {
      int[] tvv = replacedHeading(t, end);
      if (tvv != null) {
        replaces = t.surface(tvv[0], tvv[1]); // prefixed with the own dossier in Scan.motions
        end = tvv[1];
      }
    } else if (leading != null) {
      ks = leading;
    } else {
      ks = byNumberOnly ? null : ReferenceWindow.kamerstukAfter(t, end,
          anaphoric && s.names().isEmpty() ? 3 : s.names().isEmpty() ? 200 : REFERENCE_WINDOW);
      if (ks != null) {
        end = ks.end();
        int[] was = ReferenceWindow.replacedAfter(t, end);
        if (was != null) {
          replaces = ks.dossier() + "-" + t.surface(was[0], was[1]);
          end = was[1];
        }
        end = ReferenceWindow.closeParen(t, end);
      } else if (!s.names().isEmpty()) {
        ks = ReferenceWindow.listNumberBefore(t, i);
        footnote = ks == null ? ReferenceWindow.footnoteKamerstuk(t, end) : null;
        ks = ks == null ? footnote : ks;
      }
    }
    if (s.names().isEmpty() && number == null && (ks == null || upper)) {
      return null;
    }
    String dossier = ks == null ? byNumberOnly ? debateDossier : null : ks.dossier();
    if (ks != null && ks.number() != null) {
      number = ks.number();
    }
    MotionMention m = mention(t, i, end, s, dossier, number, ks == null ? null : ks.sessionYear(),
        ks == null ? null : ks.chamber(), replaces);
    // the footnote may tell the motion's fate: "2 Kamerstuk 27 925, nr. 556; deze motie werd … aangehouden."
    return footnote != null && m.status() == null
        ? MotionOutcome.fateWithin(t, footnote.end(), ReferenceWindow.footnoteEnd(t, footnote.end()), m) : m;
  }

  /** A kamerstuk with its number right after "motie ": "36 200 XIV, nr. 12" or compact "36200-XIV-12"; else null. */
  private static Kamerstuk leadingKamerstuk(NormalizedText t, int p) {
    Kamerstuk ks = KamerstukParser.parse(t, p, false);
    return ks != null ? ks : ReferenceWindow.compact(t, p);
  }

  static int skipLead(NormalizedText t, int p) {
    for (String lead : LEADS) {
      if (t.regionMatchesIgnoreCase(p, lead)) {
        return p + lead.length();
      }
    }
    // "Motie van Erkens": lower-case "van" is the preposition unless a tussenvoegsel follows ("van der
    // Lee"); capitalised "Van" starts a surname ("Motie Van Dijk")
    if (t.regionMatches(p, "van ") && Character.isUpperCase(t.at(p + 4))) {
      int e = tokenEnd(t, p + 4);
      if (!SubmitterParser.isTussenvoegsel(t.surface(p + 4, e))) {
        return p + 4;
      }
    }
    return p;
  }

  /** "op stuk nr. 469" → {numberStart, numberEnd}. */
  private static int[] opStuk(NormalizedText t, int p) {
    for (String lead : new String[] {"op stuk nr. ", "op stuk nummer ", "op stuk nr ", "ingediend op stuk nr. "}) {
      if (t.regionMatchesIgnoreCase(p, lead) && Character.isDigit(t.at(p + lead.length()))) {
        int s = p + lead.length();
        return new int[] {s, tokenEnd(t, s)};
      }
    }
    return null;
  }

  /** "TER VERVANGING VAN DIE GEDRUKT ONDER NR. 719" (Eerste Kamer: "… ONDER F") right after a motion document's heading. */
  private static int[] replacedHeading(NormalizedText t, int p) {
    int q = t.at(p) == ' ' ? p + 1 : p;
    String lead = "ter vervanging van die gedrukt onder ";
    if (!t.regionMatchesIgnoreCase(q, lead)) {
      return null;
    }
    int s = q + lead.length();
    if (t.regionMatchesIgnoreCase(s, "nr. ")) {
      s += 4;
    }
    return new int[] {s, tokenEnd(t, s)};
  }

  static int tokenEnd(NormalizedText t, int p) {
    int e = p;
    while (e < t.length() && Character.isLetterOrDigit(t.charAt(e))) {
      e++;
    }
    return e;
  }

  static MotionMention mention(NormalizedText t, int start, int end, Submitters s, String dossier,
      String number, String sessionYear, String chamber, String replaces) {
    String documentId = dossier == null || number == null ? null : "kst-" + dossier + "-" + number;
    return MotionOutcome.attach(t, start, end, new MotionMention(t.surface(start, end), t.originalStart(start),
        t.originalEnd(end), s.names(), s.cs(), dossier, number, sessionYear, chamber, documentId, replaces));
  }
}
