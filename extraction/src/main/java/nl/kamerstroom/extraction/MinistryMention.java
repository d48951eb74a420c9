package nl.kamerstroom.extraction;

/** A ministry named in the text; {@code start}/{@code end} are offsets into the original text. */
public record MinistryMention(String text, int start, int end, Ministry ministry) {}
