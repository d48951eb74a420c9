package nl.kamerstroom.enrich.entities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.kamerstroom.extraction.Extraction;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.CountryMention;
import nl.kamerstroom.schema.DocumentMetadata;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.KamerstukReference;
import nl.kamerstroom.schema.MinistryMention;
import nl.kamerstroom.schema.MotionMention;
import nl.kamerstroom.schema.Redaction;

/**
 * Maps what the extraction library found onto the Avro event types. Offsets stay offsets into
 * the document text; the mention text is normalised (runs of white space, including line
 * breaks, become one space) so that consumers can show and group it as it reads.
 */
public final class EntityMapper {

    /** Avro's decimal type has a fixed scale: every amount is written in cents. */
    public static final int AMOUNT_SCALE = 2;
    /** The precision of the Avro decimal: at most 22 digits before the decimal point. */
    public static final int AMOUNT_PRECISION = 24;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private EntityMapper() {
    }

    /** The entities as Avro types; amounts {@link #representable} cannot hold are left out. */
    public static Entities entities(Extraction extraction) {
        return Entities.newBuilder()
                .setMinistries(map(extraction.ministries(), EntityMapper::ministry))
                .setCountries(map(extraction.countries(), EntityMapper::country))
                .setMotions(map(extraction.motions(), EntityMapper::motion))
                .setAmounts(extraction.amounts().stream().map(EntityMapper::amount)
                        .filter(amount -> representable(amount.getValue())).toList())
                .setKamerstukken(map(extraction.kamerstukken(), EntityMapper::kamerstuk))
                .setRedactions(map(extraction.redactions(), EntityMapper::redaction))
                .build();
    }

    /** The metadata the text carries about itself; all fields null when the extractor found none. */
    public static DocumentMetadata metadata(nl.kamerstroom.extraction.DocumentMetadata metadata) {
        DocumentMetadata.Builder builder = DocumentMetadata.newBuilder();
        if (metadata != null) {
            builder.setTitle(normalise(metadata.title()))
                    .setDate(metadata.date())
                    .setDocumentType(metadata.documentType())
                    .setKamerstuk(metadata.kamerstuk())
                    .setSender(normalise(metadata.sender()))
                    .setChamber(metadata.chamber())
                    .setDocumentId(metadata.documentId());
        }
        return builder.build();
    }

    static MinistryMention ministry(nl.kamerstroom.extraction.MinistryMention m) {
        return MinistryMention.newBuilder()
                .setId(m.ministry().code())
                .setName(m.ministry().officialName())
                .setTooiUri(m.ministry().tooiUri())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .build();
    }

    static CountryMention country(nl.kamerstroom.extraction.CountryMention m) {
        return CountryMention.newBuilder()
                .setId(m.iso2())
                .setName(m.dutchName())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .build();
    }

    static MotionMention motion(nl.kamerstroom.extraction.MotionMention m) {
        return MotionMention.newBuilder()
                .setSubmitters(m.submitters() == null ? List.of() : List.copyOf(m.submitters()))
                .setCs(m.cs())
                .setDossier(m.dossier())
                .setNumber(m.number())
                .setSessionYear(m.sessionYear())
                .setChamber(m.chamber())
                .setDocumentId(m.documentId())
                .setReplaces(m.replaces())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .setStatus(m.status())
                .setVotesFor(m.votesFor())
                .setVotesAgainst(m.votesAgainst())
                .build();
    }

    static AmountMention amount(nl.kamerstroom.extraction.AmountMention m) {
        return AmountMention.newBuilder()
                .setValue(cents(m.value()))
                .setCurrency(m.currency())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .build();
    }

    static KamerstukReference kamerstuk(nl.kamerstroom.extraction.KamerstukReference m) {
        return KamerstukReference.newBuilder()
                .setDossier(m.dossier())
                .setNumber(m.number())
                .setDocumentId(m.documentId())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .build();
    }

    static Redaction redaction(nl.kamerstroom.extraction.Redaction m) {
        return Redaction.newBuilder()
                .setGround(m.ground())
                .setMeaning(m.meaning())
                .setText(normalise(m.text())).setStart(m.start()).setEnd(m.end())
                .build();
    }

    /** An amount rounded half-up to cents, the scale the Avro decimal type requires. */
    static BigDecimal cents(BigDecimal value) {
        return value.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Whether decimal(24,2) holds the value (in cents). A longer digit run in a text (a table
     * of ids, a serial number next to "euro") is not a sum of money anyone means, and one such
     * run must not make the whole document unwritable.
     */
    public static boolean representable(BigDecimal cents) {
        return cents.precision() <= AMOUNT_PRECISION;
    }

    static String normalise(String text) {
        return text == null ? null : WHITE_SPACE.matcher(text).replaceAll(" ").strip();
    }

    private static <A, B> List<B> map(List<A> mentions, Function<A, B> mapper) {
        return mentions.stream().map(mapper).toList();
    }
}
