package nl.kamerstroom.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import nl.kamerstroom.extraction.AmountMention;
import nl.kamerstroom.extraction.CountryMention;
import nl.kamerstroom.extraction.DocumentMetadata;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.extraction.KamerstukReference;
import nl.kamerstroom.extraction.Ministry;
import nl.kamerstroom.extraction.MinistryMention;
import nl.kamerstroom.extraction.MotionMention;
import nl.kamerstroom.extraction.Redaction;
import nl.kamerstroom.schema.CurrencyTotal;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.EntitySummary;
import org.junit.jupiter.api.Test;

class EntityMapperTest {

    private static final Ministry BZ = new Ministry("BZ", "Ministerie van Buitenlandse Zaken",
            "https://identifier.overheid.nl/tooi/id/ministerie/mnre1013", null, null);

    @Test
    void mapsEveryKindOfMentionWithOffsetsAndCollapsedWhiteSpace() {
        Entities entities = EntityMapper.entities(extraction());

        var ministry = entities.getMinistries().get(0);
        assertThat(ministry.getId()).isEqualTo("BZ");
        assertThat(ministry.getName()).isEqualTo("Ministerie van Buitenlandse Zaken");
        assertThat(ministry.getTooiUri()).endsWith("mnre1013");
        assertThat(ministry.getText()).isEqualTo("Minister van Buitenlandse Zaken");
        assertThat(ministry.getStart()).isEqualTo(10);
        assertThat(ministry.getEnd()).isEqualTo(42);
        assertThat(entities.getCountries().get(0).getId()).isEqualTo("UA");
        assertThat(entities.getCountries().get(0).getName()).isEqualTo("Oekraïne");
        var motion = entities.getMotions().get(0);
        assertThat(motion.getSubmitters()).containsExactly("Van der Plas", "Omtzigt");
        assertThat(motion.getCs()).isTrue();
        assertThat(motion.getDossier()).isEqualTo("36045");
        assertThat(motion.getNumber()).isNull();
        assertThat(motion.getDocumentId()).isNull();
        assertThat(entities.getAmounts().get(0).getValue()).isEqualTo(new BigDecimal("300000000.00"));
        assertThat(entities.getKamerstukken().get(0).getDocumentId()).isEqualTo("kst-21501-02-2600");
        assertThat(entities.getRedactions().get(0).getGround()).isEqualTo("5.1.2e");
    }

    @Test
    void roundsAmountsHalfUpToCents() {
        assertThat(EntityMapper.cents(new BigDecimal("2.345"))).isEqualTo(new BigDecimal("2.35"));
        assertThat(EntityMapper.cents(new BigDecimal("300000000"))).isEqualTo(new BigDecimal("300000000.00"));
    }

    @Test
    void summarisesDistinctIdsAndTotalsInDocumentOrder() {
        EntitySummary summary = SummaryBuilder.summarise(EntityMapper.entities(extraction()), " ".repeat(140));

        assertThat(summary.getMinistryIds()).containsExactly("BZ");
        assertThat(summary.getCountryIds()).containsExactly("UA", "NL");
        // A motion without a Kamerstuk number is known by its submitters.
        assertThat(summary.getMotionIds()).containsExactly("Van der Plas, Omtzigt");
        // The reference (offset 5) comes before the motion (offset 50).
        assertThat(summary.getDossiers()).containsExactly("21501-02", "36045");
        assertThat(summary.getAmountTotals()).containsExactly(
                new CurrencyTotal("EUR", new BigDecimal("300000002.35"), 2),
                new CurrencyTotal("USD", new BigDecimal("1.00"), 1));
        assertThat(summary.getRedactionCount()).isEqualTo(2);
        assertThat(summary.getRedactionGrounds()).containsExactly("5.1.2e");
    }

    @Test
    void dropsAnAmountTooLargeForTheDecimalButKeepsTheOthers() {
        String forty = "1234567890123456789012345678901234567890";
        Entities entities = EntityMapper.entities(amounts(
                new AmountMention(forty + " euro", 0, 45, new BigDecimal(forty), "EUR"),
                new AmountMention("€ 99.999.999.999.999.999.999,99", 50, 80, new BigDecimal("99999999999999999999.99"),
                        "EUR")));

        assertThat(entities.getAmounts()).extracting(a -> a.getValue())
                .containsExactly(new BigDecimal("99999999999999999999.99"));
        assertThat(EntityMapper.representable(new BigDecimal("9999999999999999999999.99"))).isTrue();
        assertThat(EntityMapper.representable(new BigDecimal("10000000000000000000000.00"))).isFalse();
    }

    @Test
    void aRangeCountsOnceAtItsUpperBoundInTheTotals() {
        String text = "Er is drie tot vier miljard euro nodig, en 6.000 - 7.000 euro, en daarna 5 euro.";
        Entities entities = EntityMapper.entities(amounts(
                amount(text, "drie", "3000000000"), amount(text, "vier miljard euro", "4000000000"),
                amount(text, "6.000", "6000"), amount(text, "7.000 euro", "7000"),
                amount(text, "5 euro", "5")));

        EntitySummary summary = SummaryBuilder.summarise(entities, text);

        assertThat(entities.getAmounts()).hasSize(5);
        assertThat(summary.getAmountTotals()).containsExactly(
                new CurrencyTotal("EUR", new BigDecimal("4000007005.00"), 3));
    }

    @Test
    void twoAmountsThatAreNoRangeBothCount() {
        String text = "Eerst 3 euro en dan 4 euro.";
        Entities entities = EntityMapper.entities(amounts(amount(text, "3 euro", "3"), amount(text, "4 euro", "4")));

        assertThat(SummaryBuilder.summarise(entities, text).getAmountTotals())
                .containsExactly(new CurrencyTotal("EUR", new BigDecimal("7.00"), 2));
    }

    @Test
    void leavesMetadataEmptyWhenTheTextCarriesNone() {
        var metadata = EntityMapper.metadata(null);
        assertThat(metadata.getTitle()).isNull();
        assertThat(metadata.getDate()).isNull();

        var full = EntityMapper.metadata(new DocumentMetadata("Steun  aan\nOekraïne", LocalDate.of(2023, 3, 3),
                "Kamerbrief", "kst-36045-1", "Minister van Financiën"));
        assertThat(full.getTitle()).isEqualTo("Steun aan Oekraïne");
        assertThat(full.getDate()).isEqualTo(LocalDate.of(2023, 3, 3));
        assertThat(full.getKamerstuk()).isEqualTo("kst-36045-1");
    }

    @Test
    void carriesWhatBecameOfAMotionAndTheDocumentsOwnId() {
        var motion = EntityMapper.motion(new MotionMention("motie-Markuszower (35925-VI, nr. 35)", 20, 56,
                List.of("Markuszower"), false, "35925-VI", "35", null, null, "kst-35925-VI-35", null, "verworpen",
                List.of("PVV", "FvD"), List.of("VVD", "CDA")));
        assertThat(motion.getStatus()).isEqualTo("verworpen");
        assertThat(motion.getVotesFor()).containsExactly("PVV", "FvD");
        assertThat(motion.getVotesAgainst()).containsExactly("VVD", "CDA");

        var metadata = EntityMapper.metadata(new DocumentMetadata("Regeling van werkzaamheden",
                LocalDate.of(2023, 3, 7), "Handelingen", null, null, "Tweede Kamer", "h-tk-20222023-58-3"));
        assertThat(metadata.getChamber()).isEqualTo("Tweede Kamer");
        assertThat(metadata.getDocumentId()).isEqualTo("h-tk-20222023-58-3");
    }

    private static AmountMention amount(String text, String mention, String value) {
        int start = text.indexOf(mention);
        return new AmountMention(mention, start, start + mention.length(), new BigDecimal(value), "EUR");
    }

    private static Extraction amounts(AmountMention... amounts) {
        return new Extraction(List.of(), List.of(), List.of(), List.of(amounts), List.of(), List.of(), null);
    }

    private static Extraction extraction() {
        return new Extraction(
                List.of(new MinistryMention("Minister van\nBuitenlandse  Zaken", 10, 42, BZ)),
                List.of(new CountryMention("Oekraïne", 60, 68, "UA", "Oekraïne"),
                        new CountryMention("Nederland", 70, 79, "NL", "Nederland"),
                        new CountryMention("Oekraïne", 80, 88, "UA", "Oekraïne")),
                List.of(new MotionMention("motie Van der Plas c.s.", 50, 73, List.of("Van der Plas", "Omtzigt"), true,
                        "36045", null, null, null, null, null)),
                List.of(new AmountMention("300 miljoen euro", 90, 106, new BigDecimal("300000000"), "EUR"),
                        new AmountMention("$ 1", 107, 110, BigDecimal.ONE, "USD"),
                        new AmountMention("€ 2,345", 111, 118, new BigDecimal("2.345"), "EUR")),
                List.of(new KamerstukReference("Kamerstuk 21501-02, nr. 2600", 5, 33, "21501-02", "2600",
                        "kst-21501-02-2600")),
                List.of(new Redaction("5.1.2e", 120, 126, "5.1.2e", "persoonlijke levenssfeer"),
                        new Redaction("5.1.2e", 130, 136, "5.1.2e", "persoonlijke levenssfeer")),
                null);
    }
}
