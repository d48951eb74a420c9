package nl.kamerstroom.common.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An HTTP GET request: its path and its decoded query parameters (first value wins). */
public record Request(String path, Map<String, String> params) {

    static Request parse(String path, String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(key, value);
            }
        }
        return new Request(path, Map.copyOf(params));
    }

    /** The parameter, or null when absent or blank. */
    public String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** An integer parameter within bounds; a 400 answer otherwise. */
    public int intParam(String name, int defaultValue, int min, int max) {
        String value = param(name);
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Parameter '" + name + "' must be a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new BadRequestException("Parameter '" + name + "' must be between " + min + " and " + max
                    + ", got " + parsed);
        }
        return parsed;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed URL encoding in '" + s + "'");
        }
    }
}
