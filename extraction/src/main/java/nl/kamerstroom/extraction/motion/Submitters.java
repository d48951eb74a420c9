package nl.kamerstroom.extraction.motion;

import java.util.List;

/** Submitter surnames parsed from a motion mention, where they end, and whether "c.s." followed. */
record Submitters(List<String> names, int end, boolean cs) {

  /** A mention that names no submitters (a compact id in a list). */
  static final Submitters NONE = new Submitters(List.of(), 0, false);
}
