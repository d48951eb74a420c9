package nl.kamerstroom.topic;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic as the services and tests see it: its name, how its keys and values are
 * serialised, and the settings it is created with.
 *
 * @param config topic-level settings applied when the topic is created (cleanup policy,
 *               retention, maximum message size)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> config) {

    public Topic {
        config = Map.copyOf(config);
    }

    public NewTopic newTopic(int partitions, short replicationFactor) {
        return new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor)).configs(config);
    }

    public boolean compacted() {
        return "compact".equals(config.get("cleanup.policy"));
    }

    @Override
    public String toString() {
        return name;
    }
}
