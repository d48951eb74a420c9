package nl.kamerstroom.extraction.metadata;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.kamerstroom.extraction.DocumentMetadata;
import nl.kamerstroom.extraction.MinistryMention;
import nl.kamerstroom.extraction.kamerstuk.Kamerstuk;
import nl.kamerstroom.extraction.kamerstuk.KamerstukParser;
import nl.kamerstroom.extraction.text.AnchorPass;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * What a government document says about itself, read from its head and its page footer: the document
 * type from the heading ("BRIEF VAN DE MINISTER …" → Kamerbrief, "Handelingen" → Handelingen, "Aanhangsel
 * van de Handelingen" with "Antwoord van" → antwoord, "Fiche 2: …" → BNC-fiche, …), the chamber, its own
 * public id (kamerstuk "vergaderjaar 2020–2021, 35 420, nr. 351"; Handelingen "h-tk-20182019-45-7";
 * Kamervragen "ah-tk-20102011-1785"), the title ({@link TitleFinder}), the date it states
 * ({@link DateFinder}) and the sender (the first minister in a letter's heading).
 */
public final class MetadataFinder {

  /** Only the head of a document holds its heading and date. */
  private static final int HEAD = 3000;
  private static final String[][] TYPES = {{"BRIEF VAN", "Kamerbrief"}, {"GEWIJZIGDE MOTIE", "motie"},
      {"MOTIE VAN", "motie"}, {"NOTA NAAR AANLEIDING", "nota"}, {"MEMORIE VAN TOELICHTING", "memorie van toelichting"},
      {"VOORSTEL VAN WET", "wetsvoorstel"}, {"VERSLAG VAN", "verslag"}, {"AMENDEMENT VAN", "amendement"}, {"Aanbiedingsformulier", "aanbiedingsformulier"},
      {"Woo-verzoek", "Woo-besluit"}, {"Wob-verzoek", "Woo-besluit"}, {"Geachte voorzitter", "Kamerbrief"},
      {"Voorzitter van de Tweede Kamer", "Kamerbrief"}, {"Voorzitter van de Eerste Kamer", "Kamerbrief"}};

  /** Per entry of TYPES, the spellings looked for: a printed heading exactly, the others in their usual cases. */
  private static final String[][] TYPE_VARIANTS = typeVariants();

  private static String[][] typeVariants() {
    String[][] variants = new String[TYPES.length][];
    for (int k = 0; k < TYPES.length; k++) {
      String word = TYPES[k][0];
      variants[k] = word.equals(word.toUpperCase(Locale.ROOT)) ? new String[] {word} : caseVariants(word);
    }
    return variants;
  }

  /** Labels of a news item's first lines, each a whole word: "Nieuwsbericht", "NIEUWS |", "Persbericht". */
  private static final String[] NEWS_LABELS = {"Nieuwsbericht", "Nieuws", "Persbericht"};

  /** Types that are no parliamentary record: a chamber named in their first lines is a subject, not a house. */
  private static final Set<String> NOT_PARLIAMENTARY = Set.of("nieuwsbericht", "BNC-fiche", "Woo-besluit");

  /** The page footers in which {@link #printedId} looks: the first page's and the last page's. */
  private static final int FOOTER_REACH = 4000;

  /** Own ids as the official publications print them at the start of a footer line. */
  private static final String[] PRINTED_ID_PREFIXES = {"kst-", "h-tk-", "h-ek-", "ah-tk-", "ah-ek-"};

  private MetadataFinder() {}

  /** The document's own kamerstuk, from the footer "vergaderjaar YYYY–YYYY, DOSSIER, nr. N". */
  public static Kamerstuk ownKamerstuk(NormalizedText t) {
    OwnKamerstukScan scan = new OwnKamerstukScan();
    AnchorPass.runAlone(t, scan);
    return scan.kamerstuk();
  }

  /** Finds the own kamerstuk in the shared pass: the first "vergaderjaar …" that parses. */
  public static final class OwnKamerstukScan implements AnchorPass.Handler {
    private Kamerstuk found;

    public Kamerstuk kamerstuk() {
      return found;
    }

    @Override
    public List<String> wordStartPrefixes() {
      return List.of("ve", "Ve", "VE");
    }

    @Override
    public int at(NormalizedText t, int i) {
      char e = t.at(i + 1);
      if ((e == 'e' || e == 'E') && t.regionMatchesIgnoreCase(i, "vergaderjaar ")) {
        found = KamerstukParser.parse(t, i + 13, false);
        String chamber = t.regionMatches(i - 14, "Tweede Kamer, ") ? "II"
            : t.regionMatches(i - 14, "Eerste Kamer, ") ? "I" : null;
        if (found != null && chamber != null) {
          found = new Kamerstuk(found.start(), found.end(), chamber, found.sessionYear(), found.dossier(),
              found.number());
        }
      }
      return found == null ? i + 1 : Integer.MAX_VALUE;
    }
  }

  public static DocumentMetadata find(NormalizedText t, Kamerstuk own, List<MinistryMention> ministries) {
    int head = Math.min(t.length(), HEAD);
    String headText = t.surface(0, head);
    HeadLines lines = HeadLines.of(t.original(), t.originalEnd(head));
    HandelingenHeader header = HandelingenHeader.of(lines);
    KamerstukHeading printed = KamerstukHeading.of(lines);
    String type = type(headText, lines, header, printed);
    String chamber = chamber(headText, own);
    if (chamber == null && header != null) {
      chamber = header.chamber();
    }
    if (chamber == null && ("Kamervragen".equals(type) || "antwoord".equals(type))) {
      chamber = "Tweede Kamer"; // schriftelijke vragen are put by members of the Tweede Kamer
    }
    if (chamber == null && !NOT_PARLIAMENTARY.contains(type)) {
      chamber = chamberInHeading(lines); // "Plenaire vergadering Tweede Kamer, dinsdag 14 februari 2023"
    }
    String sender = null;
    // only a letter names its sender in the heading; elsewhere the first minister is just mentioned
    for (MinistryMention m : "Kamerbrief".equals(type) ? ministries : List.<MinistryMention>of()) {
      if (m.start() < t.originalStart(head == 0 ? 0 : head - 1)
          && m.text().toLowerCase(Locale.ROOT).startsWith("minister ")) {
        sender = m.text();
        break;
      }
    }
    String kamerstuk = own == null ? null : own.documentId();
    LocalDate date = DateFinder.date(t, headText, type, lines);
    String id = documentId(type, chamber, lines, kamerstuk, header, date);
    if (id == null) {
      id = printedId(t.original());
    }
    if (id == null && printed != null) {
      id = printed.documentId(); // no page footer: the printed heading's dossier and "Nr. N"
      kamerstuk = id;
    }
    return new DocumentMetadata(TitleFinder.title(type, lines, printed), date, type, kamerstuk, sender, chamber, id);
  }

  private static String printedId(String original) {
    String head = original.substring(0, Math.min(original.length(), FOOTER_REACH));
    String found = printedIdIn(head);
    return found != null || original.length() <= FOOTER_REACH ? found
        : printedIdIn(original.substring(Math.max(FOOTER_REACH, original.length() - FOOTER_REACH)));
  }

  /**
   * The id the official publications print at the start of a footer line ("kst-34550-V-23 ISSN 0921 - 7371",
   * "ah-tk-20102011-1785", "h-tk-20182019-45-7"): the document's own when nothing else gave one.
   */
  private static String printedIdIn(String original) {
    for (String prefix : PRINTED_ID_PREFIXES) {
      int at = original.startsWith(prefix) ? 0 : original.indexOf("\n" + prefix) + 1;
      if (at == 0 && !original.startsWith(prefix) || !Character.isDigit(charAt(original, at + prefix.length()))) {
        continue;
      }
      int end = at + prefix.length();
      while (end < original.length() && (Character.isLetterOrDigit(original.charAt(end)) || original.charAt(end) == '-')) {
        end++;
      }
      return original.substring(at, end);
    }
    return null;
  }

  private static char charAt(String s, int k) {
    return k < s.length() ? s.charAt(k) : ' ';
  }


  /** The first of the first lines naming a chamber, for parliamentary records without a letterhead. */
  private static String chamberInHeading(HeadLines lines) {
    for (int k = 0; k < Math.min(3, lines.size()); k++) {
      String chamber = chamber(lines.get(k), null);
      if (chamber != null) {
        return chamber;
      }
      if (lines.get(k).contains("Tweede Kamer") != lines.get(k).contains("Eerste Kamer")) {
        return lines.get(k).contains("Tweede Kamer") ? "Tweede Kamer" : "Eerste Kamer";
      }
    }
    return null;
  }

  private static String type(String headText, HeadLines lines, HandelingenHeader header,
      KamerstukHeading printed) {
    if (lines.startingWith("Aanhangsel van de Handelingen") >= 0 || lines.startingWith("Vragen van ") >= 0
        && headText.contains("(ingezonden ")) {
      return headText.contains("Antwoord van ") || headText.contains("Antwoord op vragen") ? "antwoord"
          : "Kamervragen";
    }
    if (lines.startingWith("Antwoord op vragen") >= 0 || lines.startingWith("Antwoorden op vragen") >= 0
        || lines.startingWith("Beantwoording Kamervragen") >= 0) {
      return "antwoord";
    }
    if (printed != null && printed.type() != null) {
      return printed.type();
    }
    boolean debate = headText.contains("Aan de orde is") || headText.contains("Aan de orde zijn");
    boolean chaired = headText.contains("De voorzitter:") && (debate || headText.contains("In stemming komt")
        || headText.contains("Deze motie is voorgesteld door"));
    if (lines.startingWith("Handelingen") >= 0 && headText.contains(" vergadering")
        || headText.contains("e vergadering") && debate || header != null || chaired) {
      return "Handelingen";
    }
    String first = lines.get(0);
    if (ficheLine(lines) >= 0) {
      return "BNC-fiche";
    }
    if (newsLine(lines) >= 0) {
      return "nieuwsbericht";
    }
    if (answersInSubject(lines)) {
      return "antwoord";
    }
    for (int k = 0; k < TYPES.length; k++) {
      // printed headings ("BRIEF VAN") exactly, as the body says "de brief van", "de motie van"; the
      // others ("Geachte Voorzitter", "Woo-verzoek") in any usual case
      if (containsIgnoringCase(headText, TYPE_VARIANTS[k])) {
        return TYPES[k][1];
      }
    }
    return "overig";
  }

  /**
   * Whether {@code text} holds {@code word} as written, in lower or upper case, capitalised or with every word
   * capitalised ("Geachte Voorzitter"): the ways a heading or salutation is written, each found by one fast
   * String.contains, no lower-cased copy of the head per document.
   */
  private static boolean containsIgnoringCase(String text, String[] variants) {
    for (String variant : variants) {
      if (text.contains(variant)) {
        return true;
      }
    }
    return false;
  }

  private static String[] caseVariants(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder titled = new StringBuilder(lower);
    for (int k = 0; k < titled.length(); k++) {
      if (k == 0 || titled.charAt(k - 1) == ' ' || titled.charAt(k - 1) == '-') {
        titled.setCharAt(k, Character.toUpperCase(titled.charAt(k)));
      }
    }
    return new java.util.LinkedHashSet<>(List.of(word, lower, word.toUpperCase(Locale.ROOT),
        Character.toUpperCase(lower.charAt(0)) + lower.substring(1), titled.toString())).toArray(new String[0]);
  }

  /**
   * "Nieuwsbericht | 12-09-2024", "NIEUWS | Buitenlandse Zaken | Brexit" or "Persbericht …" as one of the first
   * lines (before or after the headline, as the site or its print shows it): its index, else -1.
   */
  static int newsLine(HeadLines lines) {
    for (int k = 0; k < Math.min(3, lines.size()); k++) {
      String line = lines.get(k);
      for (String label : NEWS_LABELS) {
        if (line.regionMatches(true, 0, label, 0, label.length())
            && (line.length() == label.length() || !Character.isLetter(line.charAt(label.length())))) {
          return k;
        }
      }
    }
    return -1;
  }

  /** "Fiche 2: Mededeling …" or "Fiche: Verordening …" as one of the first lines: its index, else -1. */
  static int ficheLine(HeadLines lines) {
    for (int k = 0; k < Math.min(3, lines.size()); k++) {
      String line = lines.get(k);
      if (line.startsWith("Fiche") && line.length() > 7 && (line.charAt(5) == ':'
          || line.charAt(5) == ' ' && Character.isDigit(line.charAt(6)))) {
        return k;
      }
    }
    return -1;
  }

  /** A letter whose subject is the answers to Kamervragen: "Betreft Beantwoording vragen van het lid …". */
  private static boolean answersInSubject(HeadLines lines) {
    String subject = TitleFinder.subject(lines);
    if (subject == null) {
      return false;
    }
    String s = subject.toLowerCase(Locale.ROOT);
    return (s.startsWith("beantwoording") || s.startsWith("antwoord")) && s.contains("vragen");
  }

  /** The chamber a document's heading or its kamerstuk footer names. */
  private static String chamber(String headText, Kamerstuk own) {
    int tweede = firstOf(headText, "Tweede Kamer der Staten", "Voorzitter van de Tweede Kamer");
    int eerste = firstOf(headText, "Eerste Kamer der Staten", "Voorzitter van de Eerste Kamer");
    if (tweede >= 0 || eerste >= 0) {
      return eerste < 0 || tweede >= 0 && tweede < eerste ? "Tweede Kamer" : "Eerste Kamer";
    }
    if (own != null && own.chamber() != null) {
      return own.chamber().equals("I") ? "Eerste Kamer" : "Tweede Kamer";
    }
    return null;
  }

  private static int firstOf(String text, String a, String b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /** Handelingen "h-tk-20182019-45-7", Kamervragen "ah-tk-20102011-1785", else the own kamerstuk. */
  private static String documentId(String type, String chamber, HeadLines lines, String kamerstuk,
      HandelingenHeader header, LocalDate date) {
    boolean handelingen = "Handelingen".equals(type);
    if (!handelingen && !"antwoord".equals(type) && !"Kamervragen".equals(type) || chamber == null) {
      return kamerstuk;
    }
    if (handelingen && header != null && lines.sessionLine() < 0 && date != null) {
      return "h-" + (header.chamber().equals("Eerste Kamer") ? "ek" : "tk") + "-"
          + HandelingenHeader.sessionYear(date) + "-" + header.meeting() + "-" + header.item();
    }
    int yearLine = lines.sessionLine();
    String year = HeadLines.sessionYear(lines.get(yearLine));
    if (year == null) {
      return kamerstuk;
    }
    String house = chamber.equals("Eerste Kamer") ? "ek" : "tk";
    String sessionLine = lines.get(yearLine);
    String rest = sessionLine.substring(sessionLine.indexOf("ergaderjaar ") + 21).strip();
    if (!handelingen) {
      // the Aanhangsel number: on the next line, or at the far end of the session line ("Vergaderjaar
      // 2019-2020          2611") where the two columns of the heading share a line
      int number = lines.numberLine(yearLine + 1);
      return HeadLines.digitsOnly(rest) ? "ah-" + house + "-" + year + "-" + rest
          : number == yearLine + 1 ? "ah-" + house + "-" + year + "-" + lines.get(number) : kamerstuk;
    }
    // the meeting: on the next line, or beside the session ("Vergaderjaar 2016-2017     31e vergadering")
    boolean beside = !rest.isEmpty() && Character.isDigit(rest.charAt(0));
    String meeting = beside ? rest : lines.get(yearLine + 1);
    int e = 0;
    while (meeting != null && e < meeting.length() && Character.isDigit(meeting.charAt(e))) {
      e++;
    }
    int item = lines.numberLine(yearLine + (beside ? 1 : 2));
    if (e == 0 || !meeting.startsWith("e vergadering", e) || item < 0) {
      return kamerstuk;
    }
    return "h-" + house + "-" + year + "-" + meeting.substring(0, e) + "-" + lines.get(item);
  }
}
