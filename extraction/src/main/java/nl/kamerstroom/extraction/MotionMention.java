package nl.kamerstroom.extraction;

import java.util.List;

/**
 * A reference to one motion. {@code dossier}/{@code number} are null when the mention does not give them;
 * {@code documentId} is {@code kst-DOSSIER-NUMBER} when both are known; {@code replaces} is
 * {@code DOSSIER-NUMBER} (or just the number) of the motion an amended motion replaces. {@code status} is
 * what the text says became of the motion ("aangenomen", "verworpen", "ingetrokken", "aangehouden",
 * "gewijzigd"), null when it does not say; {@code votesFor}/{@code votesAgainst} are the parties a vote
 * record names for and against it, as written (empty when it names none, e.g. "de overige fracties").
 */
public record MotionMention(String text, int start, int end, List<String> submitters, boolean cs,
    String dossier, String number, String sessionYear, String chamber, String documentId, String replaces,
    String status, List<String> votesFor, List<String> votesAgainst) {

  public MotionMention {
    submitters = List.copyOf(submitters);
    votesFor = List.copyOf(votesFor);
    votesAgainst = List.copyOf(votesAgainst);
  }

  /** A mention whose fate the text does not tell. */
  public MotionMention(String text, int start, int end, List<String> submitters, boolean cs, String dossier,
      String number, String sessionYear, String chamber, String documentId, String replaces) {
    this(text, start, end, submitters, cs, dossier, number, sessionYear, chamber, documentId, replaces, null,
        List.of(), List.of());
  }

  /** This mention with its dossier resolved from the debate it occurs in. */
  public MotionMention withDossier(String resolvedDossier) {
    return new MotionMention(text, start, end, submitters, cs, resolvedDossier, number, sessionYear, chamber,
        number == null ? null : "kst-" + resolvedDossier + "-" + number, replaces, status, votesFor, votesAgainst);
  }

  /** This mention, which names its submitters only, as the motion of {@code known}'s kamerstuk. */
  public MotionMention withKamerstukOf(MotionMention known) {
    return new MotionMention(text, start, end, submitters, cs, known.dossier, known.number, known.sessionYear,
        known.chamber, known.documentId, replaces, status, votesFor, votesAgainst);
  }

  /** This mention with what the text says became of it. */
  public MotionMention withOutcome(String outcome, List<String> parties, List<String> opponents) {
    return new MotionMention(text, start, end, submitters, cs, dossier, number, sessionYear, chamber, documentId,
        replaces, outcome, parties, opponents);
  }
}
