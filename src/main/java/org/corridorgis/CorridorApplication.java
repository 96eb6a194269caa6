package org.corridorgis;

import org.corridorgis.web.ServerPortGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CorridorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            // API token management (./corridor token ...): the database only, no web server
            System.exit(org.corridorgis.security.TokenCli.run(CorridorApplication.class, args, System.out, System.err));
        }
        SpringApplication app = new SpringApplication(CorridorApplication.class);
        // Checked before the database starts, so a second instance fails with one clear line.
        app.addListeners(new ServerPortGuard());
        app.run(args);
    }
}
