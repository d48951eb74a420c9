package nl.kamerstroom.serde;

import java.util.Map;

/**
 * The serde settings, named as Confluent's serdes name them so the same client properties
 * work with either.
 *
 * @param registryUrl         {@code schema.registry.url} (required; {@code mock://scope} for tests)
 * @param autoRegisterSchemas {@code auto.register.schemas} (default true): register the record's
 *                            schema under the subject; when false, the schema must already be there
 * @param useLatestVersion    {@code use.latest.version} (default false): write with the subject's
 *                            latest schema instead of the record's own
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegisterSchemas, boolean useLatestVersion) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null) {
            throw new IllegalArgumentException("Missing serde setting " + SCHEMA_REGISTRY_URL);
        }
        return new AvroSerdeConfig(url.toString(),
                flag(configs, AUTO_REGISTER_SCHEMAS, true),
                flag(configs, USE_LATEST_VERSION, false));
    }

    public Map<String, Object> asMap() {
        return Map.of(SCHEMA_REGISTRY_URL, registryUrl,
                AUTO_REGISTER_SCHEMAS, autoRegisterSchemas,
                USE_LATEST_VERSION, useLatestVersion);
    }

    /** The Confluent TopicNameStrategy subject. */
    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }
}
