package nl.kamerstroom.extraction;

/** A Woo (or old Wob) refusal-ground code marking a redacted passage, with the ground's legal meaning. */
public record Redaction(String text, int start, int end, String ground, String meaning) {}
