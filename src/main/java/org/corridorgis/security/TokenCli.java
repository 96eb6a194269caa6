package org.corridorgis.security;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./corridor token create|list|revoke}: manages API tokens against the configured database (or the
 * embedded one), without starting the web server. A new token is printed once, on its own line.
 */
public final class TokenCli {

    static final String USAGE = """
            usage: ./corridor token create --name NAME --role editor|reviewer|admin [--expires-in DAYS]
                   ./corridor token list
                   ./corridor token revoke ID""";

    private TokenCli() {
    }

    /** Runs the command in {@code args} (starting with "token"); returns the process exit code. */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        if (rest.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        String command = rest.remove(0);
        Map<String, String> options = new HashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.startsWith("--") && a.contains("=") && !a.startsWith("--name=") && !a.startsWith("--role=") && !a.startsWith("--expires-in=")) {
                springArgs.add(a); // a setting for the database (--spring.datasource.url=...)
            } else if (a.startsWith("--") && a.contains("=")) {
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--") && i + 1 < rest.size()) {
                options.put(a.substring(2), rest.get(++i));
            } else {
                positional.add(a);
            }
        }
        Role role = null;
        Duration validFor = null;
        switch (command) {
            case "create" -> {
                role = Role.parse(options.get("role")).orElse(null);
                if (options.get("name") == null || options.get("name").isBlank() || role == null) {
                    err.println("token create needs --name NAME and --role editor|reviewer|admin");
                    err.println(USAGE);
                    return 2;
                }
                if (options.containsKey("expires-in")) {
                    try {
                        validFor = Duration.ofDays(Long.parseLong(options.get("expires-in")));
                    } catch (NumberFormatException e) {
                        err.println("--expires-in takes a number of days, got '" + options.get("expires-in") + "'");
                        return 2;
                    }
                }
            }
            case "list" -> {
            }
            case "revoke" -> {
                if (positional.size() != 1) {
                    err.println(USAGE);
                    return 2;
                }
            }
            default -> {
                err.println(USAGE);
                return 2;
            }
        }
        springArgs.add("--spring.main.web-application-type=none");
        springArgs.add("--server.port=0");
        springArgs.add("--corridor.geodata.enabled=false");
        springArgs.add("--logging.level.root=WARN");
        springArgs.add("--spring.main.log-startup-info=false");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).run(springArgs.toArray(String[]::new))) {
            ApiTokens tokens = context.getBean(ApiTokens.class);
            switch (command) {
                case "create" -> {
                    ApiTokens.Created created = tokens.create(options.get("name"), role, validFor);
                    err.println("token " + created.id() + " for '" + options.get("name").strip() + "' (" + role.id() + ")"
                            + (validFor == null ? "" : ", valid for " + validFor.toDays() + " days")
                            + "; it is shown this once, keep it safe:");
                    out.println(created.token());
                }
                case "list" -> {
                    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
                    out.println("id\tname\trole\tcreated\texpires\trevoked\tlast used");
                    for (ApiTokens.Listed t : tokens.list()) {
                        out.println(String.join("\t", t.id(), t.name(), t.role().id(), t.createdAt().format(f),
                                t.expiresAt() == null ? "-" : t.expiresAt().format(f), t.revokedAt() == null ? "-" : t.revokedAt().format(f),
                                t.lastUsedAt() == null ? "-" : t.lastUsedAt().format(f)));
                    }
                }
                default -> {
                    if (!tokens.revoke(positional.get(0))) {
                        err.println("no token with id '" + positional.get(0) + "'");
                        return 1;
                    }
                    err.println("token " + positional.get(0) + " revoked");
                }
            }
        }
        return 0;
    }
}
