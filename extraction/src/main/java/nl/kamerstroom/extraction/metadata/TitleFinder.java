package nl.kamerstroom.extraction.metadata;

/**
 * A document's own title, by genre: the agenda item of a Handelingen record (the line after its item
 * number), the question line of Kamervragen (without "(ingezonden …)"), the "Fiche N: …" line of a
 * BNC-fiche, the headline of a news item, the subject of a letter ("Betreft …", "Onderwerp …"), the dossier
 * title of a printed kamerstuk (between the dossier and "Nr. N"), the heading of a motion or amendment,
 * else the first markdown heading, else the first line when it reads as a heading.
 */
final class TitleFinder {

  private static final String[] SUBJECT_LABELS = {"Betreft:", "Betreft ", "Onderwerp:", "Onderwerp "};

  private TitleFinder() {}

  static String title(String type, HeadLines lines) {
    if ("Handelingen".equals(type)) {
      int item = lines.numberLine(lines.startingWith("Vergaderjaar ") + 2);
      return item < 0 ? null : lines.get(item + 1);
    }
    if ("antwoord".equals(type) || "Kamervragen".equals(type)) {
      String question = lines.get(lines.startingWith("Vragen van "));
      if (question != null) {
        int submitted = question.indexOf(" (ingezonden");
        return submitted > 0 ? question.substring(0, submitted) : stripDot(question);
      }
    }
    if ("motie".equals(type) || "amendement".equals(type)) {
      String heading = motionHeading(lines);
      if (heading != null) {
        return heading;
      }
    }
    if ("BNC-fiche".equals(type)) {
      return lines.get(lines.startingWith("Fiche "));
    }
    if ("nieuwsbericht".equals(type)) {
      return lines.get(MetadataFinder.newsLine(lines) == 0 ? 1 : 0); // the headline beside the label
    }
    String subject = subject(lines);
    if (subject != null) {
      return subject;
    }
    String printed = dossierTitle(lines);
    if (printed != null) {
      return printed;
    }
    String heading = markdownHeading(lines);
    // a document of no known genre: its first line, when that reads as a heading
    return heading != null || !"overig".equals(type) ? heading : firstLine(lines);
  }

  /**
   * A letter's subject: "Betreft Voortgang …", "Onderwerp: …", or the label alone on its line with the
   * subject on the next (the letterhead's two columns as PDF extraction gives them).
   */
  static String subject(HeadLines lines) {
    for (String label : SUBJECT_LABELS) {
      int k = lines.startingWith(label);
      if (k >= 0) {
        return lines.get(k).substring(label.length()).strip();
      }
    }
    for (String label : new String[] {"Betreft", "Onderwerp"}) {
      for (int k = 0; k + 1 < lines.size(); k++) {
        if (lines.get(k).equals(label) || lines.get(k).equals(label + ":")) {
          return lines.get(k + 1);
        }
      }
    }
    return null;
  }

  /**
   * "21 501-02 / Raad Algemene Zaken … / Nr. 1985": the lines between the dossier line and "Nr. N"; in the
   * PDF layout the title shares the dossier's line ("34 550 V Vaststelling van …") and "Nr. 23" its heading.
   */
  private static String dossierTitle(HeadLines lines) {
    int nr = lines.startingWith("Nr. ");
    if (nr < 1) {
      return null;
    }
    String before = lines.get(nr - 1);
    if (nr >= 2 && Character.isDigit(lines.get(nr - 2).charAt(0)) && Character.isLetter(before.charAt(0))) {
      return before;
    }
    if (!Character.isDigit(before.charAt(0))) {
      return null;
    }
    int k = 0;
    while (k < before.length() && !Character.isLowerCase(before.charAt(k))) {
      k++; // past the dossier ("34 550 V ") to the first lower-case letter of the title's first word
    }
    int wordStart = before.lastIndexOf(' ', k) + 1;
    return k < before.length() && wordStart > 0 ? before.substring(wordStart) : null;
  }

  /** "MOTIE VAN HET LID TEN BROEKE C.S." (after "Nr. 23" in the PDF layout); the title compares without case. */
  private static String motionHeading(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.startsWith("Nr. ")) {
        int space = line.indexOf(' ', 4);
        line = space < 0 ? "" : line.substring(space + 1);
      }
      if (line.startsWith("MOTIE VAN") || line.startsWith("GEWIJZIGDE MOTIE") || line.startsWith("AMENDEMENT VAN")
          || line.startsWith("GEWIJZIGD AMENDEMENT")) {
        return line;
      }
    }
    return null;
  }

  /** The document's first line as its title when nothing names one: a heading, not a sentence or a number. */
  private static String firstLine(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.startsWith(">") || HeadLines.digitsOnly(line)) {
        continue; // "> Retouradres …", a page number
      }
      return line.length() <= 200 && !line.endsWith(".") ? line : null;
    }
    return null;
  }

  private static String markdownHeading(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String l = lines.get(k);
      if (l.startsWith("#")) {
        int hashes = 0;
        while (hashes < l.length() && l.charAt(hashes) == '#') {
          hashes++;
        }
        String title = l.substring(hashes).replace("*", "").strip();
        if (!title.isEmpty()) {
          return title;
        }
      }
    }
    return null;
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
