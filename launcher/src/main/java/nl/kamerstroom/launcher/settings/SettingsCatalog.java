package nl.kamerstroom.launcher.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.kamerstroom.common.config.Setting;
import nl.kamerstroom.enrich.EnrichConfig;
import nl.kamerstroom.index.IndexConfig;
import nl.kamerstroom.ingest.config.IngestConfig;
import nl.kamerstroom.launcher.up.UpConfig;

/**
 * Every environment variable Kamerstroom reads, taken from the same {@code SETTINGS} lists the
 * services parse, so the printed table (and the README generated from it) cannot drift.
 */
public final class SettingsCatalog {

    /** A titled group of settings. */
    public record Section(String title, List<Setting<?>> settings) {
    }

    private SettingsCatalog() {
    }

    /** The settings each service reads, by compose/CLI service name. */
    public static Map<String, List<Setting<?>>> services() {
        Map<String, List<Setting<?>>> services = new LinkedHashMap<>();
        services.put("ingest", IngestConfig.SETTINGS);
        services.put("enrich", EnrichConfig.SETTINGS);
        services.put("index", IndexConfig.SETTINGS);
        return services;
    }

    /**
     * The settings every service shares (same name and default) first, then what is particular
     * to each service, then the single-machine options of {@code up}.
     */
    public static List<Section> sections() {
        Map<String, List<Setting<?>>> services = services();
        List<Setting<?>> shared = new ArrayList<>();
        for (Setting<?> candidate : services.values().iterator().next()) {
            if (services.values().stream().allMatch(list -> contains(list, candidate))) {
                shared.add(candidate);
            }
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Every service", shared));
        services.forEach((name, settings) -> sections.add(new Section(name + "-service",
                settings.stream().filter(s -> !contains(shared, s)).toList())));
        sections.add(new Section("kamerstroom up (single machine)", UpConfig.SETTINGS));
        return sections;
    }

    private static boolean contains(List<Setting<?>> settings, Setting<?> wanted) {
        return settings.stream().anyMatch(s -> s.name().equals(wanted.name())
                && Objects.equals(s.defaultValue(), wanted.defaultValue()));
    }
}
