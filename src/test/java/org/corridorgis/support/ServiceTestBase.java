package org.corridorgis.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test of the running service over HTTP, with the database at hand for independent checks: {@link #client}
 * speaks to the service as any API client would, {@link #jdbc} asks PostGIS directly.
 */
@PostgisIntegrationTest
public abstract class ServiceTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected ServiceClient client;

    @BeforeEach
    void connectClient() {
        client = new ServiceClient(port);
    }
}
