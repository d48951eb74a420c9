package nl.kamerstroom.extraction.metadata;

/**
 * A document's own title, by genre: the agenda item of a Handelingen record (the line after its item
 * number), the question line of Kamervragen (without "(ingezonden …)"), the "Fiche N: …" line of a
 * BNC-fiche, the headline of a news item, a printed kamerstuk's dossier title and heading as the official
 * publications title it ("Ontwikkelingsraad; Verslag van een schriftelijk overleg", {@link KamerstukHeading}),
 * the subject of a letter ("Betreft …", "Onderwerp …"), else the first markdown heading, else (a document of no
 * known genre) the first line when it reads as a heading. Wrapped lines are joined.
 */
final class TitleFinder {

  /** At most this many lines of a wrapped Kamervragen question are joined. */
  private static final int QUESTION_LINES = 5;
  /** Longer than this and continued by the next line, a first line is a wrapped paragraph's, no heading. */
  private static final int PARAGRAPH_LINE = 60;
  /** At most this many lines of a wrapped news headline are joined. */
  private static final int HEADLINE_LINES = 3;
  private static final String[] SUBJECT_LABELS = {"Betreft:", "Betreft ", "Onderwerp:", "Onderwerp "};

  private TitleFinder() {}

  /** @param printed the kamerstuk heading of the head, may be null */
  static String title(String type, HeadLines lines, KamerstukHeading printed) {
    if ("Handelingen".equals(type)) {
      int item = lines.numberLine(lines.sessionLine() + 2);
      return item < 0 ? runningHeaderTitle(lines) : lines.get(item + 1);
    }
    if ("antwoord".equals(type) || "Kamervragen".equals(type)) {
      int first = lines.startingWith("Vragen van ");
      if (first >= 0) {
        // the question line wraps; it ends at "(ingezonden …)", else it is taken as one line
        String question = lines.joined(first, QUESTION_LINES, " (ingezonden");
        int submitted = question.indexOf(" (ingezonden");
        return submitted > 0 ? question.substring(0, submitted) : stripDot(lines.get(first));
      }
    }
    if (printed != null && printed.title() != null) {
      return printed.title();
    }
    if ("BNC-fiche".equals(type)) {
      return lines.get(MetadataFinder.ficheLine(lines));
    }
    if ("nieuwsbericht".equals(type)) {
      // the headline beside the label: after it when the label comes first, else right before it (below
      // a breadcrumb "Rijksoverheid.nl > Onderwerpen > …")
      int label = MetadataFinder.newsLine(lines);
      return label == 0 ? wrappedHeadline(lines, 1) : lines.get(label - 1);
    }
    String subject = subject(lines);
    if (subject != null) {
      return subject;
    }
    String heading = markdownHeading(lines);
    // a document of no known genre: its first line, when that reads as a heading
    return heading != null || !"overig".equals(type) ? heading : firstLine(lines);
  }

  /**
   * The headline starting at line k, with the lines that wrap it ("… bestrijding sprinkhanenplaag / Oost-Afrika")
   * when the block ends at a blank line within {@link #HEADLINE_LINES} lines; a longer block is the headline
   * followed by its lead paragraph, and the headline its first line.
   */
  private static String wrappedHeadline(HeadLines lines, int k) {
    int end = k + 1;
    while (end < lines.size() && lines.continues(end) && end - k < HEADLINE_LINES) {
      end++;
    }
    if (end == k + 1 || lines.continues(end)) {
      return lines.get(k);
    }
    StringBuilder headline = new StringBuilder(lines.get(k));
    for (int next = k + 1; next < end; next++) {
      HeadLines.append(headline, lines.get(next));
    }
    return headline.toString();
  }

  /**
   * A record that opens with its running page header, "Tweede Kamer   Voorjaarsnota 2023   28 juni 2023"
   * (chamber, agenda item, date in columns), and no item number line: the middle column; else null.
   */
  private static String runningHeaderTitle(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (!line.startsWith("Tweede Kamer  ") && !line.startsWith("Eerste Kamer  ")) {
        continue;
      }
      String[] columns = line.split(" {2,}");
      String date = columns[columns.length - 1];
      if (columns.length == 3 && date.length() > 4 && HeadLines.digitsOnly(date.substring(date.length() - 4))) {
        return columns[1];
      }
    }
    return null;
  }

  /**
   * A letter's subject: "Betreft Voortgang …", "Onderwerp: …", or the label alone on its line with the
   * subject on the next (the letterhead's two columns as PDF extraction gives them).
   */
  static String subject(HeadLines lines) {
    for (String label : SUBJECT_LABELS) {
      int k = lines.startingWith(label);
      if (k >= 0) {
        return subjectFrom(lines, k, label.length());
      }
    }
    for (String label : new String[] {"Betreft", "Onderwerp"}) {
      for (int k = 0; k + 1 < lines.size(); k++) {
        if (lines.get(k).equals(label) || lines.get(k).equals(label + ":")) {
          return subjectFrom(lines, k + 1, 0);
        }
      }
    }
    return null;
  }

  /**
   * The subject from column {@code from} of line k, with the lines that continue it: indented as far as the
   * subject and before the salutation or the next label ("Datum", "Ons kenmerk").
   */
  private static String subjectFrom(HeadLines lines, int k, int from) {
    StringBuilder subject = new StringBuilder(lines.get(k).substring(from).strip());
    for (int next = k + 1; next < lines.size() && next <= k + 2 && lines.continues(next); next++) {
      String line = lines.get(next);
      if (line.startsWith("Geachte") || !Character.isLowerCase(line.charAt(0))) {
        break; // a continued subject starts in lower case ("van Schiphol"); a label or salutation does not
      }
      HeadLines.append(subject, line);
    }
    return subject.toString();
  }

  /**
   * The document's first line as its title when nothing names one: a heading, not a sentence, a number, a
   * dateline or the first line of a wrapped paragraph (a long line the next one continues).
   */
  private static String firstLine(HeadLines lines) {
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.startsWith(">") || HeadLines.digitsOnly(line)) {
        continue; // "> Retouradres …", a page number
      }
      boolean heading = line.length() <= 200 && !line.endsWith(".") && !DateFinder.isDateline(line)
          && !(line.length() > PARAGRAPH_LINE && lines.continues(k + 1));
      return heading ? line : null;
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
