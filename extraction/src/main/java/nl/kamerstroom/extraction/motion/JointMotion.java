package nl.kamerstroom.extraction.motion;

import java.util.ArrayList;
import java.util.List;
import nl.kamerstroom.extraction.text.NormalizedText;

/**
 * "de motie die ik samen met de heer Voordewind heb ingediend", said in a debate: submitted by the
 * speaker, named in the last speaker heading before it ("De heer Van Helvert (CDA):"), and the members
 * named after "samen met".
 */
final class JointMotion {

  /** How far back the speaker's heading may stand. */
  private static final int SPEAKER_WINDOW = 3000;
  private static final String[] SPEAKER_LEADS = {"De heer ", "Mevrouw "};
  private static final String SUBMITTED = " heb ingediend";

  private JointMotion() {}

  /** The submitters of a joint motion whose partners' names start at {@code p}; none unless it is one. */
  static Submitters submitters(NormalizedText t, int p) {
    Submitters partners = SubmitterParser.parse(t, MotionFinder.skipLead(t, p), false);
    String speaker = speaker(t, p);
    if (partners.names().isEmpty() || speaker == null || !t.regionMatches(partners.end(), SUBMITTED)) {
      return new Submitters(List.of(), p, false);
    }
    List<String> names = new ArrayList<>();
    names.add(speaker);
    names.addAll(partners.names());
    return new Submitters(names, partners.end() + SUBMITTED.length(), false);
  }

  /** The surname in the last "De heer X (PARTIJ):" / "Mevrouw X (PARTIJ):" before {@code p}. */
  private static String speaker(NormalizedText t, int p) {
    int from = Math.max(0, p - SPEAKER_WINDOW);
    for (int k = p - 2; k > from; k--) {
      if (t.charAt(k) == ')' && t.charAt(k + 1) == ':') {
        int open = k;
        while (open > from && t.charAt(open) != '(') {
          open--;
        }
        for (String lead : SPEAKER_LEADS) {
          int s = lastIndexOf(t, lead, Math.max(from, open - 60), open);
          if (s >= 0) {
            Submitters name = SubmitterParser.parse(t, s + lead.length(), false);
            return name.names().size() == 1 && name.end() == open - 1 ? name.names().get(0) : null;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static int lastIndexOf(NormalizedText t, String word, int from, int to) {
    for (int k = to - word.length(); k >= from; k--) {
      if (t.regionMatches(k, word)) {
        return k;
      }
    }
    return -1;
  }
}
