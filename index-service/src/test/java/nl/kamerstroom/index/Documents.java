package nl.kamerstroom.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.kamerstroom.index.topic.IndexDocumentMapper;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.CountryMention;
import nl.kamerstroom.schema.CurrencyTotal;
import nl.kamerstroom.schema.DocumentMetadata;
import nl.kamerstroom.schema.EnrichedDocument;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.EntitySummary;
import nl.kamerstroom.schema.IndexDocument;
import nl.kamerstroom.schema.IngestedDocument;
import nl.kamerstroom.schema.MinistryMention;
import nl.kamerstroom.schema.MotionMention;

/** Test documents: realistic enough for the mapper, the store and the API. */
public final class Documents {

    public static final String UKRAINE_TEXT = "De minister van Buitenlandse Zaken stelt 300 miljoen euro beschikbaar "
            + "voor de wederopbouw van Oekraïne. Zie de motie-Kuzu (Kamerstuk 36045, nr. 53) over de begrotingen.";

    public static final Instant INDEXED_AT = Instant.parse("2024-03-02T08:00:02Z");

    private Documents() {
    }

    public static IngestedDocument ingested(String id, String fileName, String title, String text) {
        return IngestedDocument.newBuilder()
                .setId(id)
                .setFileName(fileName)
                .setRelativePath("2024/" + fileName)
                .setContentType("application/pdf")
                .setSizeBytes(text.length())
                .setTitle(title)
                .setCreated(Instant.parse("2024-03-01T23:30:00Z"))
                .setLanguage("nl")
                .setText(text)
                .setTextLength(text.length())
                .setIngestedAt(Instant.parse("2024-03-02T08:00:00Z"))
                .setIngestInstance("ingest-test")
                .build();
    }

    /** A Kamerbrief about Ukraine: ministry BZ, country UA, motion kst-36045-53, EUR 300 million. */
    public static EnrichedDocument ukraineLetter(String id) {
        return EnrichedDocument.newBuilder()
                .setDocument(ingested(id, "kamerbrief-oekraine.pdf", null, UKRAINE_TEXT))
                .setTextMetadata(DocumentMetadata.newBuilder().setTitle("Steun aan Oekraïne")
                        .setDate(LocalDate.of(2024, 3, 1)).setDocumentType("Kamerbrief")
                        .setKamerstuk("kst-36045-60").setSender("Ministerie van Buitenlandse Zaken").build())
                .setEntities(Entities.newBuilder()
                        .setMinistries(List.of(new MinistryMention("BZ", "Ministerie van Buitenlandse Zaken", null,
                                "minister van Buitenlandse Zaken", 3, 34)))
                        .setCountries(List.of(new CountryMention("UA", "Oekraïne", "Oekraïne", 100, 108)))
                        .setMotions(List.of(MotionMention.newBuilder().setSubmitters(List.of("Kuzu"))
                                .setDossier("36045").setNumber("53").setDocumentId("kst-36045-53")
                                .setText("motie-Kuzu (Kamerstuk 36045, nr. 53)").setStart(117).setEnd(153).build()))
                        .setAmounts(List.of(new AmountMention(new BigDecimal("300000000.00"), "EUR",
                                "300 miljoen euro", 41, 57)))
                        .build())
                .setSummary(EntitySummary.newBuilder().setMinistryIds(List.of("BZ")).setCountryIds(List.of("UA"))
                        .setMotionIds(List.of("kst-36045-53")).setDossiers(List.of("36045"))
                        .setAmountTotals(List.of(new CurrencyTotal("EUR", new BigDecimal("300000000.00"), 1)))
                        .build())
                .setEnrichedAt(Instant.parse("2024-03-02T08:00:01Z"))
                .build();
    }

    /** A plain document without entities, dated by its creation time only. */
    public static EnrichedDocument plain(String id, String fileName, String text) {
        return EnrichedDocument.newBuilder()
                .setDocument(ingested(id, fileName, "Notitie " + id, text))
                .setTextMetadata(DocumentMetadata.newBuilder().build())
                .setEntities(Entities.newBuilder().build())
                .setSummary(EntitySummary.newBuilder().build())
                .setEnrichedAt(Instant.parse("2024-03-02T08:00:01Z"))
                .build();
    }

    /** A motion for {@link #motionRecord}: Kuzu's on Kamerstuk 36180. */
    public static final String MOTION = "kst-36180-12";

    /**
     * A Handelingen record dated {@code date} that states {@code status} for motion {@code motion}
     * (kst-{dossier}-{number}; a null status: it only mentions it), the parties for and against as a
     * vote record names them.
     */
    public static EnrichedDocument motionRecord(String id, String motion, LocalDate date, String status,
                                                List<String> votesFor, List<String> votesAgainst) {
        String dossier = motion.substring("kst-".length(), motion.lastIndexOf('-'));
        String number = motion.substring(motion.lastIndexOf('-') + 1);
        String cited = "motie-Kuzu (" + dossier + ", nr. " + number + ")";
        String text = "De " + cited + " over de stikstofaanpak"
                + (status == null ? " komt later aan de orde." : " is " + status + ".");
        MotionMention mention = MotionMention.newBuilder().setSubmitters(List.of("Kuzu")).setDossier(dossier)
                .setNumber(number).setDocumentId(motion).setChamber("II").setText(cited)
                .setStart(3).setEnd(3 + cited.length()).setStatus(status).setVotesFor(votesFor)
                .setVotesAgainst(votesAgainst).build();
        return EnrichedDocument.newBuilder()
                .setDocument(ingested(id, id + ".pdf", "Microsoft Word - " + id + ".docx", text))
                .setTextMetadata(DocumentMetadata.newBuilder().setTitle("Stemmingen " + id).setDate(date)
                        .setDocumentType("Handelingen").setChamber("Tweede Kamer")
                        .setDocumentId("h-tk-" + date.getYear() + "-" + id).build())
                .setEntities(Entities.newBuilder().setMotions(List.of(mention)).build())
                .setSummary(EntitySummary.newBuilder().setMotionIds(List.of(motion)).setDossiers(List.of(dossier))
                        .build())
                .setEnrichedAt(Instant.parse("2024-03-02T08:00:01Z"))
                .build();
    }

    public static IndexDocument index(EnrichedDocument enriched) {
        return new IndexDocumentMapper(Clock.fixed(INDEXED_AT, ZoneOffset.UTC)).map(enriched);
    }

    /** A document with one amount in EUR and the given ministry, country and date. */
    public static IndexDocument about(String id, String text, String ministry, String country, LocalDate date,
                                      String euros) {
        IndexDocument doc = index(plain(id, id + ".pdf", text));
        doc.setDate(date);
        doc.setDocumentType("Nota");
        doc.getEntities().setMinistries(List.of(new MinistryMention(ministry, "Ministerie " + ministry, null,
                ministry, 0, 1)));
        doc.getEntities().setCountries(List.of(new CountryMention(country, "Land " + country, country, 0, 1)));
        doc.getEntities().setAmounts(List.of(new AmountMention(new BigDecimal(euros), "EUR", euros + " euro", 0, 1)));
        doc.getSummary().setMinistryIds(List.of(ministry));
        doc.getSummary().setCountryIds(List.of(country));
        return doc;
    }
}
