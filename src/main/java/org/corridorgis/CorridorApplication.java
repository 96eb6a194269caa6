package org.corridorgis;

import org.corridorgis.web.ServerPortGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CorridorApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(CorridorApplication.class);
        // Checked before the database starts, so a second instance fails with one clear line.
        app.addListeners(new ServerPortGuard());
        app.run(args);
    }
}
