package nl.kamerstroom.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    private SummaryBuilder() {
    }

    public static EntitySummary summarise(Entities entities) {
        return EntitySummary.newBuilder()
                .setMinistryIds(distinct(entities.getMinistries(), m -> m.getId()))
                .setCountryIds(distinct(entities.getCountries(), c -> c.getId()))
                .setMotionIds(distinct(entities.getMotions(), EntityKeys::motionId))
                .setDossiers(dossiers(entities))
                .setAmountTotals(totals(entities.getAmounts()))
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

    /** Sums per currency, exact (BigDecimal, in cents). */
    static List<CurrencyTotal> totals(List<AmountMention> amounts) {
        Map<String, CurrencyTotal> byCurrency = new LinkedHashMap<>();
        for (AmountMention amount : amounts) {
            byCurrency.merge(amount.getCurrency(),
                    new CurrencyTotal(amount.getCurrency(), EntityMapper.cents(amount.getValue()), 1),
                    (sum, one) -> new CurrencyTotal(sum.getCurrency(), sum.getTotal().add(one.getTotal()),
                            sum.getMentions() + 1));
        }
        return new ArrayList<>(byCurrency.values());
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
