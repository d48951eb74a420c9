package nl.kamerstroom.extraction.kamerstuk;

/**
 * A parsed kamerstuk reference in normalised-buffer offsets. {@code dossier} is normalised ("36 045" →
 * "36045", "21501 20" → "21501-20", "35925 V" → "35925-V"); {@code number} may be a letter (Eerste Kamer).
 */
public record Kamerstuk(int start, int end, String chamber, String sessionYear, String dossier, String number) {

  /** The public document id, {@code kst-DOSSIER-NUMBER}, or null without a number. */
  public String documentId() {
    return dossier == null || number == null ? null : "kst-" + dossier + "-" + number;
  }
}
