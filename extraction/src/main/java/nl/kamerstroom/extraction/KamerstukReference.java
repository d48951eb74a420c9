package nl.kamerstroom.extraction;

/** A kamerstuk reference that is not part of a motion mention. */
public record KamerstukReference(String text, int start, int end, String dossier, String number, String documentId) {}
