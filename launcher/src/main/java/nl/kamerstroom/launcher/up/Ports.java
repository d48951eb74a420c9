package nl.kamerstroom.launcher.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import nl.kamerstroom.common.config.ConfigException;

/** Port 0 means "any free port": chosen up front, so every part can be told its neighbours' addresses. */
final class Ports {

    private Ports() {
    }

    /**
     * Fails at once, naming the setting, when a fixed port is taken: otherwise the broker or a
     * service would fail minutes later with a bind error deep in its log.
     */
    static void requireFree(int port, String setting) {
        if (port == 0) {
            return;
        }
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            // Bound and released: the port is free.
        } catch (IOException e) {
            throw new ConfigException("Port " + port + " is already in use (another Kamerstroom or Kafka running?); "
                    + "choose another with " + setting + ", or 0 for any free port.");
        }
    }

    static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
