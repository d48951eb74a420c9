package nl.kamerstroom.extraction.metadata;

import java.util.Locale;

/**
 * The printed head of a kamerstuk: the dossier number with its title, then "Nr. N" with the document's
 * heading, in either layout PDF extraction gives:
 * <pre>
 * 21 501-02                                 35 420           Beleidsreactie en maatregelen met betrekking tot het
 * Raad Algemene Zaken en …                                   coronavirus COVID-19
 * Nr. 1985                                  Nr. 97           BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN
 * BRIEF VAN DE MINISTER VAN …                                KONINKRIJKSRELATIES
 * </pre>
 *
 * @param dossier the dossier's main number without spaces ("21501"), for genres sent under one dossier
 * @param dossierTitle the dossier's title, wrapped lines joined
 * @param heading the document's heading as printed (upper case), wrapped lines joined
 * @param documentId "kst-35925-VIII-27" from the dossier ("35 925 VIII") and "Nr. 27", null when either is unclear
 */
record KamerstukHeading(String dossier, String dossierTitle, String heading, String documentId) {

  /** The BNC-fiches are sent to the Tweede Kamer under this dossier ("Nieuwe Commissievoorstellen …"). */
  static final String BNC_DOSSIER = "22112";

  /** A dossier title wraps over at most this many lines (a bill's full citation title takes four). */
  private static final int MAX_TITLE_LINES = 6;

  /** The head's kamerstuk heading, or null when the head has no "Nr. N" line below a dossier number. */
  static KamerstukHeading of(HeadLines lines) {
    int nr = -1;
    for (int k = 0; k < lines.size() && nr < 0; k++) {
      String line = lines.get(k);
      nr = line.startsWith("Nr. ") && line.length() > 4 && Character.isDigit(line.charAt(4)) ? k : -1;
    }
    int dossierLine = nr - 1;
    while (dossierLine >= 0 && dossierLine >= nr - MAX_TITLE_LINES && !startsWithDossier(lines.get(dossierLine))) {
      dossierLine--; // over the dossier title's wrapped lines, also one that starts with a year ("2015)")
    }
    if (nr < 0 || dossierLine < 0 || dossierLine < nr - MAX_TITLE_LINES) {
      return null;
    }
    String first = lines.get(dossierLine);
    int titleStart = 0;
    while (titleStart < first.length() && !Character.isLowerCase(first.charAt(titleStart))) {
      titleStart++; // past the dossier ("34 550 V ") to the first lower-case letter of the title's first word
    }
    titleStart = titleStart < first.length() ? first.lastIndexOf(' ', titleStart) + 1 : first.length();
    StringBuilder title = new StringBuilder(first.substring(titleStart).strip());
    for (int k = dossierLine + 1; k < nr; k++) {
      if (title.isEmpty()) {
        title.append(lines.get(k));
      } else {
        HeadLines.append(title, lines.get(k));
      }
    }
    StringBuilder heading = new StringBuilder(headingAfterNumber(lines.get(nr)));
    int next = nr + 1;
    if (heading.isEmpty() && next < lines.size() && isUpperCase(lines.get(next))) {
      heading.append(lines.get(next++));
    }
    for (; next < lines.size() && lines.continues(next) && isUpperCase(lines.get(next)); next++) {
      HeadLines.append(heading, lines.get(next));
    }
    String dossierText = first.substring(0, titleStart);
    String number = lines.get(nr).substring(4, numberEnd(lines.get(nr)));
    String dossierId = dossierId(dossierText);
    return new KamerstukHeading(dossierNumber(dossierText), title.isEmpty() ? null : title.toString(),
        heading.isEmpty() ? null : heading.toString(), dossierId == null ? null : "kst-" + dossierId + "-" + number);
  }

  /**
   * "35 925 VIII" → "35925-VIII", "21 501-02" → "21501-02", "36 045" → "36045": the dossier as kamerstuk ids
   * write it (its five digits, then its parts joined by hyphens); null unless it starts with five digits.
   */
  private static String dossierId(String dossierText) {
    String text = dossierText.strip();
    StringBuilder id = new StringBuilder();
    int k = 0;
    for (; k < text.length() && id.length() < 5; k++) {
      char c = text.charAt(k);
      if (Character.isDigit(c)) {
        id.append(c);
      } else if (c != ' ') {
        return null; // "35 9 25": no dossier number
      }
    }
    String parts = text.substring(k).strip().replace(' ', '-');
    if (id.length() < 5 || !parts.isEmpty() && Character.isDigit(parts.charAt(0))) {
      return null;
    }
    for (int q = 0; q < parts.length(); q++) {
      if (!Character.isUpperCase(parts.charAt(q)) && !Character.isDigit(parts.charAt(q)) && parts.charAt(q) != '-') {
        return null;
      }
    }
    return parts.isEmpty() ? id.toString() : parts.startsWith("-") ? id + parts : id + "-" + parts;
  }

  private static int numberEnd(String nrLine) {
    int p = 4;
    while (p < nrLine.length() && Character.isLetterOrDigit(nrLine.charAt(p))) {
      p++;
    }
    return p;
  }

  /**
   * The title the official publications give a kamerstuk: "DOSSIER TITLE; Heading" ("Ontwikkelingsraad;
   * Verslag van een schriftelijk overleg"), the heading in sentence case and left out when it repeats the
   * dossier title ("Voorjaarsnota 2023"); null without a dossier title.
   */
  String title() {
    if (dossierTitle == null) {
      return null;
    }
    if (heading == null || heading.equalsIgnoreCase(dossierTitle)) {
      return dossierTitle;
    }
    String lower = heading.toLowerCase(Locale.ROOT);
    return dossierTitle + "; " + Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** The genre a heading names: "BRIEF VAN …" a letter (a BNC-fiche under its dossier), "MOTIE VAN …", … */
  String type() {
    if (heading == null) {
      return null;
    }
    if (heading.startsWith("BRIEF VAN")) {
      return BNC_DOSSIER.equals(dossier) ? "BNC-fiche" : "Kamerbrief";
    }
    if (heading.startsWith("MOTIE") || heading.startsWith("GEWIJZIGDE MOTIE")) {
      return "motie";
    }
    if (heading.startsWith("AMENDEMENT") || heading.startsWith("GEWIJZIGD AMENDEMENT")) {
      return "amendement";
    }
    if (heading.split(" ", 2)[0].endsWith("NOTA")) {
      return "nota"; // the heading's first word names the genre: "NOTA NAAR AANLEIDING VAN HET VERSLAG"
    }
    if (heading.contains("VERSLAG")) {
      return "verslag";
    }
    if (heading.startsWith("MEMORIE VAN TOELICHTING")) {
      return "memorie van toelichting";
    }
    if (heading.startsWith("VOORSTEL VAN WET")) {
      return "wetsvoorstel";
    }
    for (String word : heading.split("[ ,]+")) {
      if (word.endsWith("NOTA")) {
        return "nota"; // "NOTA NAAR AANLEIDING …", "VOORJAARSNOTA 2023", "MILJOENENNOTA"
      }
    }
    return null;
  }

  private static String headingAfterNumber(String nrLine) {
    return nrLine.substring(numberEnd(nrLine)).strip();
  }

  /** "34 373 Wijziging …", "21 501-02", "36045": a dossier number (two and three digits, or five) opens the line. */
  private static boolean startsWithDossier(String line) {
    int digits = 0;
    int k = 0;
    for (; k < line.length() && (Character.isDigit(line.charAt(k)) || line.charAt(k) == ' ' && digits == 2 && k == 2); k++) {
      digits += Character.isDigit(line.charAt(k)) ? 1 : 0;
    }
    return digits == 5 && (k == line.length() || line.charAt(k) == ' ' || line.charAt(k) == '-');
  }

  private static String dossierNumber(String dossierText) {
    StringBuilder digits = new StringBuilder();
    for (int k = 0; k < dossierText.length(); k++) {
      char c = dossierText.charAt(k);
      if (Character.isDigit(c)) {
        digits.append(c);
      } else if (c != ' ') {
        break;
      }
    }
    return digits.toString();
  }

  private static boolean isUpperCase(String line) {
    boolean letters = false;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }
}
