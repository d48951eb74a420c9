package nl.kamerstroom.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code server.properties} of a single-node KRaft broker (combined broker and controller
 * roles), tuned for one machine with little memory.
 */
final class BrokerProperties {

    /** Documents of several MB travel as single records. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private BrokerProperties() {
    }

    static Properties of(Path logDir, int port, int controllerPort, Map<String, String> overrides) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // A static voter set rather than a dynamic (--standalone) quorum: the dynamic one records the
        // controller's endpoint in the metadata log, which would tie a data directory to the port it
        // was first started with. With static voters a restart may pick another controller port.
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());

        // One node: every internal topic has one replica, and needs only that one in sync.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // 50 partitions each (the defaults) cost start-up time and file handles for nothing on one node.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");

        // Topics are created explicitly by the services, with their own partition counts and configs.
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        // Consumer groups and Streams apps start at once instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.setProperty("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        // The cleaner's dedupe buffer defaults to 128 MiB of heap; 8 MiB still compacts millions of keys per pass.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // After a crash the controller refuses the restarted broker's registration until the old
        // session expires (default 9 s, measured 12.5 s restarts); frequent loopback heartbeats are cheap.
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("broker.session.timeout.ms", "3000");
        // Two cores: a few threads are plenty and save stack memory.
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("background.threads", "4");
        overrides.forEach(p::setProperty);
        return p;
    }
}
