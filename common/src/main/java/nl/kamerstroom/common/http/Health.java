package nl.kamerstroom.common.http;

import java.util.Map;

/**
 * What {@code /health} answers: 200 when {@code up}, 503 otherwise.
 *
 * @param status a word for operators: RUNNING, REBALANCING, CATCHING_UP, ERROR, ...
 */
public record Health(boolean up, String status, Map<String, Object> details) {

    public static Health up(String status, Map<String, Object> details) {
        return new Health(true, status, details);
    }

    public static Health down(String status, Map<String, Object> details) {
        return new Health(false, status, details);
    }
}
