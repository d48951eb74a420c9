package nl.kamerstroom.enrich.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.kamerstroom.schema.AmountMention;
import nl.kamerstroom.schema.CurrencyTotal;
import nl.kamerstroom.schema.Entities;
import nl.kamerstroom.schema.EntitySummary;
import nl.kamerstroom.schema.KamerstukReference;
import nl.kamerstroom.schema.MotionMention;

/** Condenses one document's mentions into distinct ids and totals, each in order of first mention. */
public final class SummaryBuilder {

    private static final Set<String> RANGE_WORDS = Set.of("tot", "-", "\u2013", "\u2014");
    /** " tot " with some white space around it; anything longer is no range. */
    private static final int MAX_RANGE_GAP = 12;

    private SummaryBuilder() {
    }

    /** @param text the document text the mentions' offsets point into (ranges are read from it) */
    public static EntitySummary summarise(Entities entities, String text) {
        return EntitySummary.newBuilder()
                .setMinistryIds(distinct(entities.getMinistries(), m -> m.getId()))
                .setCountryIds(distinct(entities.getCountries(), c -> c.getId()))
                .setMotionIds(distinct(entities.getMotions(), EntityKeys::motionId))
                .setDossiers(dossiers(entities))
                .setAmountTotals(totals(entities.getAmounts(), text))
                .setRedactionCount(entities.getRedactions().size())
                .setRedactionGrounds(distinct(entities.getRedactions(), r -> r.getGround()))
                .build();
    }

    /** Dossiers of motions and of other Kamerstuk references, merged in document order. */
    static List<String> dossiers(Entities entities) {
        record At(int start, String dossier) {
        }
        Stream<At> motions = entities.getMotions().stream().map((MotionMention m) -> new At(m.getStart(), m.getDossier()));
        Stream<At> references = entities.getKamerstukken().stream()
                .map((KamerstukReference k) -> new At(k.getStart(), k.getDossier()));
        List<At> all = Stream.concat(motions, references).sorted(Comparator.comparingInt(At::start)).toList();
        return distinct(all, At::dossier);
    }

    /**
     * Sums per currency, exact (BigDecimal, in cents). A range ("drie tot vier miljard euro",
     * "6.000 - 7.000 euro") is two mentions, but one sum of money: it counts once, at its upper
     * bound. A total that would outgrow decimal(24,2) stops at the last amount it could hold.
     */
    static List<CurrencyTotal> totals(List<AmountMention> amounts, String text) {
        Map<String, CurrencyTotal> byCurrency = new LinkedHashMap<>();
        for (int i = 0; i < amounts.size(); i++) {
            AmountMention amount = amounts.get(i);
            if (i + 1 < amounts.size() && isRangeLowerBound(amount, amounts.get(i + 1), text)) {
                continue;
            }
            CurrencyTotal sum = byCurrency.get(amount.getCurrency());
            BigDecimal value = EntityMapper.cents(amount.getValue());
            if (sum == null) {
                byCurrency.put(amount.getCurrency(), new CurrencyTotal(amount.getCurrency(), value, 1));
            } else if (EntityMapper.representable(sum.getTotal().add(value))) {
                byCurrency.put(amount.getCurrency(),
                        new CurrencyTotal(sum.getCurrency(), sum.getTotal().add(value), sum.getMentions() + 1));
            }
        }
        return new ArrayList<>(byCurrency.values());
    }

    /** Whether only "tot", "-" or "–" stands between this amount and the next one in the same currency. */
    static boolean isRangeLowerBound(AmountMention lower, AmountMention upper, String text) {
        if (!lower.getCurrency().equals(upper.getCurrency()) || text == null || lower.getEnd() > upper.getStart()
                || upper.getStart() > text.length() || upper.getStart() - lower.getEnd() > MAX_RANGE_GAP) {
            return false;
        }
        String between = text.substring(lower.getEnd(), upper.getStart()).strip();
        return RANGE_WORDS.contains(between);
    }

    private static <T> List<String> distinct(List<T> mentions, Function<T, String> id) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (T mention : mentions) {
            String value = id.apply(mention);
            if (value != null && !value.isBlank()) {
                ids.add(value);
            }
        }
        return List.copyOf(ids);
    }
}
