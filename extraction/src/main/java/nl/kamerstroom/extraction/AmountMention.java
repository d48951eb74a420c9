package nl.kamerstroom.extraction;

import java.math.BigDecimal;

/** A sum of money; {@code currency} is ISO 4217. */
public record AmountMention(String text, int start, int end, BigDecimal value, String currency) {}
