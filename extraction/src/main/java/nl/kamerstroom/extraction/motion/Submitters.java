package nl.kamerstroom.extraction.motion;

import java.util.List;

/** Submitter surnames parsed from a motion mention, where they end, and whether "c.s." followed. */
record Submitters(List<String> names, int end, boolean cs) {}
