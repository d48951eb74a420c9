package nl.kamerstroom.index.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import nl.kamerstroom.common.http.BadRequestException;
import nl.kamerstroom.common.http.Request;
import nl.kamerstroom.index.search.SearchRequest;

/**
 * Reads {@code /api/search} parameters. Anything malformed is a 400 with a message; a limit
 * above {@link #MAX_LIMIT} is lowered to it, and deep pages are refused, because both cost
 * memory and time per request.
 */
final class SearchParams {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private SearchParams() {
    }

    static SearchRequest parse(Request request) {
        int limit = Math.min(MAX_LIMIT, request.intParam("limit", DEFAULT_LIMIT, 0, Integer.MAX_VALUE));
        int offset = request.intParam("offset", 0, 0, MAX_OFFSET);
        LocalDate from = date(request, "from", false);
        LocalDate to = date(request, "to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("Parameter 'from' (" + from + ") is after 'to' (" + to + ")");
        }
        String currency = request.param("currency");
        return new SearchRequest(request.param("q"), request.param("file"), request.param("ministry"),
                request.param("country"), request.param("dossier"), request.param("type"), request.param("chamber"),
                request.param("documentId"), request.param("motionStatus"), from, to,
                amount(request, "minAmount"),
                currency == null ? SearchRequest.DEFAULT_CURRENCY : currency.trim().toUpperCase(Locale.ROOT),
                limit, offset);
    }

    /** An ISO date, or a year meaning its first day ({@code from}) or its last ({@code to}). */
    private static LocalDate date(Request request, String name, boolean endOfYear) {
        String value = request.param(name);
        if (value == null) {
            return null;
        }
        try {
            String v = value.trim();
            if (v.length() == 4) {
                int year = Integer.parseInt(v);
                return endOfYear ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            return LocalDate.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "' must be a date like 2024-03-01 or a year, got '"
                    + value + "'");
        }
    }

    private static BigDecimal amount(Request request, String name) {
        String value = request.param(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            // Checked before any arithmetic: 1e999999999 is a valid BigDecimal whose cents would fill the heap.
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
                throw new BadRequestException("Parameter '" + name + "' must be between 0 and " + MAX_AMOUNT.toPlainString()
                        + ", got " + value);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "' must be a number like 1000000 or 2.5, got '"
                    + value + "'");
        }
    }
}
