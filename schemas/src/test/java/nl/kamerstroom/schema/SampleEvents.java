package nl.kamerstroom.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event, for round-trip tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static IngestedDocument ingested() {
        return IngestedDocument.newBuilder()
                .setId("3f2a9c")
                .setFileName("kamerbrief.pdf")
                .setRelativePath("2024/kamerbrief.pdf")
                .setContentType("application/pdf")
                .setSizeBytes(20_480)
                .setTitle("Steun aan Oekraïne")
                .setAuthor("Ministerie van Buitenlandse Zaken")
                .setCreated(Instant.parse("2024-03-01T10:15:30Z"))
                .setPageCount(3)
                .setLanguage("nl")
                .setText("De minister van Buitenlandse Zaken stelt 300 miljoen euro beschikbaar voor Oekraïne.")
                .setTextLength(86)
                .setIngestedAt(Instant.parse("2024-03-02T08:00:00Z"))
                .setIngestInstance("ingest-1")
                .setMetadata(Map.of("pdf:producer", "Word"))
                .build();
    }

    public static Entities entities() {
        return Entities.newBuilder()
                .setMinistries(List.of(new MinistryMention("BZ", "Ministerie van Buitenlandse Zaken",
                        "https://identifier.overheid.nl/tooi/id/ministerie/mnre1026", "minister van Buitenlandse Zaken", 3, 34)))
                .setCountries(List.of(new CountryMention("UA", "Oekraïne", "Oekraïne", 77, 85)))
                .setMotions(List.of(MotionMention.newBuilder().setSubmitters(List.of("Kuzu")).setDossier("36045")
                        .setNumber("53").setSessionYear("2021/22").setChamber("II").setDocumentId("kst-36045-53")
                        .setText("Motie Kuzu (Kamerstuk II 2021/22, 36045, nr. 53)").setStart(0).setEnd(10).build()))
                .setAmounts(List.of(new AmountMention(new BigDecimal("300000000.00"), "EUR", "300 miljoen euro", 41, 57)))
                .setKamerstukken(List.of(new KamerstukReference("35420", "351", "kst-35420-351", "35 420, nr. 351", 0, 5)))
                .setRedactions(List.of(new Redaction("5.1.2e", "eerbiediging van de persoonlijke levenssfeer", "5.1.2e", 9, 15)))
                .build();
    }

    public static EntitySummary summary() {
        return EntitySummary.newBuilder()
                .setMinistryIds(List.of("BZ"))
                .setCountryIds(List.of("UA"))
                .setMotionIds(List.of("kst-36045-53"))
                .setDossiers(List.of("36045", "35420"))
                .setAmountTotals(List.of(new CurrencyTotal("EUR", new BigDecimal("300000000.00"), 1)))
                .setRedactionCount(1)
                .setRedactionGrounds(List.of("5.1.2e"))
                .build();
    }

    public static EnrichedDocument enriched() {
        return EnrichedDocument.newBuilder()
                .setDocument(ingested())
                .setTextMetadata(DocumentMetadata.newBuilder().setTitle("Steun aan Oekraïne")
                        .setDate(LocalDate.of(2024, 3, 1)).setDocumentType("Kamerbrief").build())
                .setEntities(entities())
                .setSummary(summary())
                .setEnrichedAt(Instant.parse("2024-03-02T08:00:01Z"))
                .setExtractionMicros(250)
                .build();
    }

    public static IndexDocument index() {
        IngestedDocument doc = ingested();
        return IndexDocument.newBuilder()
                .setId(doc.getId())
                .setFileName(doc.getFileName())
                .setRelativePath(doc.getRelativePath())
                .setTitle(doc.getTitle())
                .setDate(LocalDate.of(2024, 3, 1))
                .setDocumentType("Kamerbrief")
                .setLanguage("nl")
                .setContentType(doc.getContentType())
                .setSizeBytes(doc.getSizeBytes())
                .setText(doc.getText())
                .setEntities(entities())
                .setSummary(summary())
                .setIngestedAt(doc.getIngestedAt())
                .setIndexedAt(Instant.parse("2024-03-02T08:00:02Z"))
                .build();
    }

    public static FailedDocument failed() {
        return FailedDocument.newBuilder()
                .setFileName("broken.pdf")
                .setRelativePath("broken.pdf")
                .setFailedPath("failed/broken.pdf")
                .setSizeBytes(12L)
                .setStage("parse")
                .setReason("The PDF is corrupt: no trailer found")
                .setErrorClass("org.apache.tika.exception.TikaException")
                .setErrorMessage("Unable to extract PDF content")
                .setFailedAt(Instant.parse("2024-03-02T08:00:00Z"))
                .setInstance("ingest-1")
                .build();
    }

    public static EntityMentions entityMentions() {
        return new EntityMentions(EntityType.COUNTRY, "UA", "Oekraïne", "3f2a9c", "kamerbrief.pdf",
                "Steun aan Oekraïne", 3, 77, 1);
    }

    public static EntityCount entityCount() {
        return new EntityCount(EntityType.MINISTRY, "BZ", "Ministerie van Buitenlandse Zaken", 12L, 4L);
    }
}
