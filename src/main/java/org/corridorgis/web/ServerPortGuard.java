package org.corridorgis.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.corridorgis.database.StartupProblem;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Fails start-up at once, with one line, when the HTTP port is taken: otherwise a second instance would
 * first try to start the embedded database (whose data directory the first instance holds) and fail there,
 * with a message about the wrong thing.
 */
public final class ServerPortGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        int port = env.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = env.getProperty("server.address", "0.0.0.0");
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new StartupProblem("Port " + port + " is already in use (is corridor-gis already running?)",
                    "stop the other process, or choose another port: SERVER_PORT=8081 ./corridor run");
        }
    }
}
