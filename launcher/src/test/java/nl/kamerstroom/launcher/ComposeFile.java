package nl.kamerstroom.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as the tests read it. SnakeYAML (under jackson-dataformat-yaml) is used
 * directly because it resolves the {@code <<: *anchor} merge keys the file uses, which Jackson's
 * YAML parser leaves as a literal {@code <<} field.
 */
final class ComposeFile {

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> root) {
        this.services = map(root.get("services"));
    }

    /** The repository root: Maven runs the tests in launcher/. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    }

    static ComposeFile load() throws IOException {
        try (Reader reader = Files.newBufferedReader(repositoryRoot().resolve("docker-compose.yml"))) {
            return new ComposeFile(map(new Yaml().load(reader)));
        }
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    Map<String, Object> services() {
        return services;
    }

    Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return map(service);
    }

    String image(String service) {
        return (String) service(service).get("image");
    }

    /** The service's environment as strings (numbers and booleans in YAML become their text). */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service(service).get("environment");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> env.put(k.toString(), v == null ? "" : v.toString()));
        } else if (raw instanceof List<?> lines) {
            for (Object line : lines) {
                String[] kv = line.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return env;
    }

    /** Container ports the service publishes ({@code "host:container"} gives container) or exposes to the network. */
    List<Integer> containerPorts(String service) {
        List<Integer> ports = new ArrayList<>();
        List<Object> mappings = list(service(service).get("ports"));
        mappings.addAll(list(service(service).get("expose")));
        for (Object mapping : mappings) {
            String[] parts = mapping.toString().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
        }
        return ports;
    }

    /**
     * Whether {@code docker compose up --scale SERVICE=N} can run several instances: not when it
     * publishes a fixed host port (the second container could not bind it) or names its container.
     */
    boolean scalable(String service) {
        return list(service(service).get("ports")).isEmpty() && !service(service).containsKey("container_name");
    }

    /** Where volumes and bind mounts appear inside the container. */
    List<String> mountTargets(String service) {
        List<String> targets = new ArrayList<>();
        for (Object volume : list(service(service).get("volumes"))) {
            String[] parts = volume.toString().split(":");
            targets.add(parts[1]);
        }
        return targets;
    }

    /** The command as one string (a list is joined with newlines). */
    String command(String service) {
        Object command = service(service).get("command");
        return command instanceof List<?> parts ? String.join("\n", parts.stream().map(Object::toString).toList())
                : String.valueOf(command);
    }

    String healthcheck(String service) {
        Object healthcheck = service(service).get("healthcheck");
        return healthcheck == null ? "" : String.valueOf(map(healthcheck).get("test"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static List<Object> list(Object value) {
        return value == null ? new ArrayList<>() : new ArrayList<>((List<?>) value);
    }
}
