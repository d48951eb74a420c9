package nl.kamerstroom.index.opensearch;

import java.util.concurrent.atomic.AtomicInteger;
import nl.kamerstroom.embedded.OpenSearchNode;

/**
 * One OpenSearch node per test JVM (~15 CPU-seconds to start), started on first use and closed
 * (stopped, its temp folder deleted) when the JVM exits; every test works in an index of its own.
 */
final class TestOpenSearch {

    private static final AtomicInteger INDICES = new AtomicInteger();
    private static OpenSearchNode node;

    private TestOpenSearch() {
    }

    static synchronized String url() {
        if (node == null) {
            OpenSearchNode started = OpenSearchNode.builder().build();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-opensearch-close"));
            node = started.start();
        }
        return node.url();
    }

    /** Settings for a fresh index on the shared node. */
    static OpenSearchConfig freshIndex() {
        return new OpenSearchConfig(url(), "test-" + ProcessHandle.current().pid() + "-" + INDICES.incrementAndGet(),
                1, 0, "test-group");
    }
}
