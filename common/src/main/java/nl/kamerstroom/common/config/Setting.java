package nl.kamerstroom.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * One configuration key: its environment variable name, what it means, its default, and how
 * to parse it. Services declare their settings as constants, so the README table and the
 * docker-compose check are generated from the same place the code reads.
 *
 * @param defaultValue the value used when the variable is unset; null means required
 */
public record Setting<T>(String name, String doc, String defaultValue, String type, Function<String, T> parser) {

    public static Setting<String> string(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, "string", Function.identity());
    }

    public static Setting<Integer> integer(String name, int defaultValue, String doc) {
        return new Setting<>(name, doc, Integer.toString(defaultValue), "integer", Integer::parseInt);
    }

    public static Setting<Long> longValue(String name, long defaultValue, String doc) {
        return new Setting<>(name, doc, Long.toString(defaultValue), "integer", Long::parseLong);
    }

    public static Setting<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new Setting<>(name, doc, Boolean.toString(defaultValue), "boolean", Setting::parseBoolean);
    }

    public static Setting<Path> path(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, "path", Path::of);
    }

    /** A duration in ISO-8601 ({@code PT0.5S}) or with a unit suffix: {@code 500ms}, {@code 60s}, {@code 5m}. */
    public static Setting<Duration> duration(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, "duration", Setting::parseDuration);
    }

    /** A size in bytes, with an optional suffix: {@code 100MB}, {@code 512KB}, {@code 1GB}. */
    public static Setting<Long> bytes(String name, String defaultValue, String doc) {
        return new Setting<>(name, doc, defaultValue, "size", Setting::parseBytes);
    }

    static boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase();
        if (v.startsWith("p")) {
            return Duration.parse(value.trim());
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1).trim());
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("expected a duration such as 500ms, 60s, 5m or PT1M");
        };
    }

    static long parseBytes(String value) {
        String v = value.trim().toUpperCase().replace("IB", "B");
        long factor = 1;
        if (v.endsWith("KB")) {
            factor = 1L << 10;
        } else if (v.endsWith("MB")) {
            factor = 1L << 20;
        } else if (v.endsWith("GB")) {
            factor = 1L << 30;
        }
        String digits = factor == 1 ? v.replace("B", "") : v.substring(0, v.length() - 2);
        return Long.parseLong(digits.trim()) * factor;
    }
}
