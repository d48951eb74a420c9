package nl.kamerstroom.common.config;

import java.util.Map;

/** The environment a service reads its settings from. */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values);
    }

    /** This environment with some variables overridden (the launcher passes its options this way). */
    public Settings with(Map<String, String> overrides) {
        var merged = new java.util.HashMap<>(values);
        merged.putAll(overrides);
        return new Settings(merged);
    }

    public <T> T get(Setting<T> setting) {
        String raw = values.get(setting.name());
        if (raw == null || raw.isBlank()) {
            raw = setting.defaultValue();
        }
        if (raw == null) {
            throw new ConfigException("Missing required setting " + setting.name() + ": " + setting.doc());
        }
        try {
            return setting.parser().apply(raw.trim());
        } catch (RuntimeException e) {
            throw new ConfigException("Invalid value '" + raw + "' for " + setting.name() + " (" + setting.type()
                    + "): " + e.getMessage() + ". " + setting.doc());
        }
    }

    public Map<String, String> raw() {
        return values;
    }
}
