package nl.kamerstroom.extraction.metadata;

import java.util.List;
import java.util.Locale;
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

  private MetadataFinder() {}

  /** The document's own kamerstuk, from the footer "vergaderjaar YYYY–YYYY, DOSSIER, nr. N". */
  public static Kamerstuk ownKamerstuk(NormalizedText t) {
    OwnKamerstukScan scan = new OwnKamerstukScan();
    AnchorPass.run(t, scan);
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
    String type = type(headText, lines);
    String chamber = chamber(headText, own);
    if (chamber == null && ("Kamervragen".equals(type) || "antwoord".equals(type))) {
      chamber = "Tweede Kamer"; // schriftelijke vragen are put by members of the Tweede Kamer
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
    return new DocumentMetadata(TitleFinder.title(type, lines), DateFinder.date(t, head, type, lines), type,
        kamerstuk, sender, chamber, documentId(type, chamber, lines, kamerstuk));
  }

  private static String type(String headText, HeadLines lines) {
    if (lines.startingWith("Aanhangsel van de Handelingen") >= 0 || lines.startingWith("Vragen van ") >= 0
        && headText.contains("(ingezonden ")) {
      return headText.contains("Antwoord van ") || headText.contains("Antwoord op vragen") ? "antwoord"
          : "Kamervragen";
    }
    if (lines.startingWith("Antwoord op vragen") >= 0 || lines.startingWith("Antwoorden op vragen") >= 0
        || lines.startingWith("Beantwoording Kamervragen") >= 0) {
      return "antwoord";
    }
    if (lines.startingWith("Handelingen") >= 0 && headText.contains(" vergadering")
        || headText.contains("e vergadering") && headText.contains("Aan de orde is")) {
      return "Handelingen";
    }
    String first = lines.get(0);
    int fiche = lines.startingWith("Fiche ");
    if (fiche >= 0 && fiche < 3 && lines.get(fiche).length() > 6 && Character.isDigit(lines.get(fiche).charAt(6))) {
      return "BNC-fiche";
    }
    if (first != null && first.startsWith("Nieuwsbericht")) {
      return "nieuwsbericht";
    }
    for (String[] candidate : TYPES) {
      if (headText.contains(candidate[0])) {
        return candidate[1];
      }
    }
    return null;
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
  private static String documentId(String type, String chamber, HeadLines lines, String kamerstuk) {
    boolean handelingen = "Handelingen".equals(type);
    if (!handelingen && !"antwoord".equals(type) && !"Kamervragen".equals(type) || chamber == null) {
      return kamerstuk;
    }
    int yearLine = lines.startingWith("Vergaderjaar ");
    String year = HeadLines.sessionYear(lines.get(yearLine));
    if (year == null) {
      return kamerstuk;
    }
    String house = chamber.equals("Eerste Kamer") ? "ek" : "tk";
    if (!handelingen) {
      int number = lines.numberLine(yearLine + 1);
      return number == yearLine + 1 ? "ah-" + house + "-" + year + "-" + lines.get(number) : kamerstuk;
    }
    String meeting = lines.get(yearLine + 1);
    int e = 0;
    while (meeting != null && e < meeting.length() && Character.isDigit(meeting.charAt(e))) {
      e++;
    }
    int item = lines.numberLine(yearLine + 2);
    if (e == 0 || !meeting.startsWith("e vergadering", e) || item < 0) {
      return kamerstuk;
    }
    return "h-" + house + "-" + year + "-" + meeting.substring(0, e) + "-" + lines.get(item);
  }
}
