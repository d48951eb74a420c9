package nl.kamerstroom.extraction.metadata;

/**
 * A document's own title, by genre: the agenda item of a Handelingen record (the line after its item
 * number), the question line of Kamervragen (without "(ingezonden …)"), the "Fiche N: …" line of a
 * BNC-fiche, the headline of a news item, the subject of a letter ("Betreft …", "Onderwerp …"), the dossier
 * title of a printed kamerstuk (between the dossier and "Nr. N"), else the first markdown heading.
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
    if ("BNC-fiche".equals(type)) {
      return lines.get(lines.startingWith("Fiche "));
    }
    if ("nieuwsbericht".equals(type)) {
      return lines.get(1);
    }
    for (String label : SUBJECT_LABELS) {
      int k = lines.startingWith(label);
      if (k >= 0) {
        return lines.get(k).substring(label.length()).strip();
      }
    }
    String printed = dossierTitle(lines);
    return printed != null ? printed : markdownHeading(lines);
  }

  /** "21 501-02 / Raad Algemene Zaken … / Nr. 1985": the lines between the dossier line and "Nr. N". */
  private static String dossierTitle(HeadLines lines) {
    int nr = lines.startingWith("Nr. ");
    if (nr < 2 || !Character.isDigit(lines.get(nr - 2).charAt(0))) {
      return null;
    }
    String title = lines.get(nr - 1);
    return Character.isLetter(title.charAt(0)) ? title : null;
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
