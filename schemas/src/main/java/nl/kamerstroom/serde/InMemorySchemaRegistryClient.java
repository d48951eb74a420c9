package nl.kamerstroom.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry in memory, for unit tests and TopologyTestDriver ({@code mock://scope} URLs).
 * Integration tests use a real registry.
 */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Integer>> versions = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
        List<Integer> subjectVersions = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!subjectVersions.contains(id)) {
            subjectVersions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        Integer id = ids.get(schema);
        if (id == null || !versions.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException("Schema " + schema.getFullName() + " is not registered under subject "
                    + subject, 404, 40403, null);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null || subjectVersions.isEmpty()) {
            throw new SchemaRegistryException("Subject " + subject + " not found", 404, 40401, null);
        }
        int id = subjectVersions.get(subjectVersions.size() - 1);
        return new RegisteredSchema(subject, id, subjectVersions.size(), schemas.get(id - 1));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("Schema id " + id + " not found", 404, 40403, null);
        }
        return schemas.get(id - 1);
    }
}
