package nl.kamerstroom.enrich;

import java.time.Instant;
import java.util.Map;
import nl.kamerstroom.schema.IngestedDocument;

/** Ingested documents for tests, with a realistic Kamerbrief text. */
public final class Documents {

    /** Mentions BZ twice and FIN, UA three times, NL, MD and DE, one motion, two amounts, a dossier, a redaction. */
    public static final String KAMERBRIEF = """
            Ministerie van Buitenlandse Zaken
            Datum 3 maart 2023
            Betreft Steun aan Oekraïne

            Geachte voorzitter,

            Hierbij informeer ik uw Kamer, mede namens de Minister van Financiën, over de uitvoering van de \
            motie van het lid Kuzu over bijdrage wederopbouw Oekraïne (Kamerstuk 36045, nr. 53). Nederland \
            stelt € 300 miljoen beschikbaar voor Oekraïne en 2,5 miljoen euro voor Moldavië. De Minister van \
            Buitenlandse Zaken heeft dit besproken met Duitsland.
            Zie ook Kamerstuk 21501-02, nr. 2600.

            5.1.2e
            """;

    private Documents() {
    }

    public static IngestedDocument document(String id, String text) {
        return IngestedDocument.newBuilder()
                .setId(id)
                .setFileName(id + ".txt")
                .setRelativePath("brieven/" + id + ".txt")
                .setContentType("text/plain")
                .setSizeBytes(text.length())
                .setTitle("Steun aan Oekraïne")
                .setText(text)
                .setTextLength(text.length())
                .setIngestedAt(Instant.parse("2026-11-25T21:00:00Z"))
                .setIngestInstance("test")
                .setMetadata(Map.of())
                .build();
    }

    public static IngestedDocument kamerbrief(String id) {
        return document(id, KAMERBRIEF);
    }
}
