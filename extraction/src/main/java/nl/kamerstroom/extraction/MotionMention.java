package nl.kamerstroom.extraction;

import java.util.List;

/**
 * A reference to one motion. {@code dossier}/{@code number} are null when the mention does not give them;
 * {@code documentId} is {@code kst-DOSSIER-NUMBER} when both are known; {@code replaces} is
 * {@code DOSSIER-NUMBER} (or just the number) of the motion an amended motion replaces.
 */
public record MotionMention(String text, int start, int end, List<String> submitters, boolean cs,
    String dossier, String number, String sessionYear, String chamber, String documentId, String replaces) {}
