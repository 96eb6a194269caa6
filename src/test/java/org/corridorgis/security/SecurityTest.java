package org.corridorgis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.corridorgis.CorridorApplication;
import org.corridorgis.support.ServiceClient;
import org.corridorgis.support.ServiceTestBase;
import org.corridorgis.support.TestOidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Who may write: bearer tokens of both kinds (the service's own API tokens, JWTs of an OpenID Connect provider
 * the test plays with its own key pair and JWKS), refusals as problem bodies, revocation, expiry, the limit on
 * refused tokens, and the token command.
 */
class SecurityTest extends ServiceTestBase {

    private static final String FEATURE = "{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[45.5,39.5]},"
            + "\"properties\":{\"name\":\"Token test\",\"states\":[\"ARM\",\"AZE\"],\"kind\":\"border crossing\",\"status\":\"proposed\","
            + "\"sources\":[\"crossings-facts\"],\"accuracy\":\"schematic\"}}";

    @Autowired
    ApiTokens tokens;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from corridor.checkpoints where id like 'stest-%'").update();
        jdbc.sql("delete from corridor.checkpoints_history where id like 'stest-%'").update();
        jdbc.sql("delete from corridor.change_log where feature_id like 'stest-%'").update();
        jdbc.sql("delete from corridor.proposal where feature_id like 'stest-%'").update();
        jdbc.sql("delete from corridor.api_token where name like 'stest %'").update();
        jdbc.sql("delete from corridor.auth_failure").update();
    }

    private HttpResponse<String> post(String id, String... headers) {
        return client.send("POST", "/collections/checkpoints/items", "application/geo+json", FEATURE.formatted(id), headers);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String wwwAuthenticate) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ServiceClient.parse(r.body()).path("status").asInt()).isEqualTo(status);
        assertThat(ServiceClient.parse(r.body()).path("detail").asString()).isNotBlank();
        if (wwwAuthenticate != null) {
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith(wwwAuthenticate));
        }
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anonymousAndMalformedWritesAreRefusedAndReadsStayOpen() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            String path = method.equals("POST") ? "/collections/checkpoints/items" : "/collections/checkpoints/items/agarak-nurduz";
            assertRefused(client.send(method, path, "application/geo+json", FEATURE.formatted("stest-anon")), 401, "Bearer realm=\"corridor-gis\"");
            assertRefused(client.send(method, path, "application/geo+json", FEATURE.formatted("stest-anon"), "Authorization", "Bearer not-a-real-token"),
                    401, "Bearer realm=\"corridor-gis\", error=\"invalid_token\"");
        }
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id = 'stest-anon'").query(Long.class).single()).isZero();
        assertThat(client.get("/collections/checkpoints/items?limit=1").statusCode()).isEqualTo(200);
        assertThat(client.post("/collections/checkpoints/search?limit=1", "application/json",
                "{\"op\":\"=\",\"args\":[{\"property\":\"id\"},\"agarak-nurduz\"]}").statusCode()).isEqualTo(200);
    }

    @Test
    void apiTokensAreKeptAsBcryptHashesAndRevocationHoldsAtOnce() {
        ApiTokens.Created created = tokens.create("stest reviewer", Role.REVIEWER, null);
        // cgis_ + 12 hex digits + _ : the rest is the secret (base64url, which may itself hold '_')
        String secret = created.token().substring(18);
        assertThat(secret).hasSize(43);
        assertThat(created.token()).startsWith("cgis_" + created.id() + "_");
        Map<String, Object> row = jdbc.sql("select row_to_json(t)::text as json, secret_hash from corridor.api_token t where id = ?")
                .param(created.id()).query().singleRow();
        String hash = (String) row.get("secret_hash");
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(BCrypt.checkpw(secret, hash)).isTrue();
        assertThat((String) row.get("json")).doesNotContain(secret);

        String bearer = "Bearer " + created.token();
        assertThat(post("stest-revoke-1", "Authorization", bearer).statusCode()).isEqualTo(201);
        assertThat(jdbc.sql("select author from corridor.change_log where feature_id = 'stest-revoke-1'").query(String.class).single())
                .isEqualTo("stest reviewer");
        // a wrong secret for a real id, and the right secret for an unknown id
        assertRefused(post("stest-revoke-x", "Authorization", "Bearer cgis_" + created.id() + "_" + "A".repeat(43)), 401, "Bearer");
        assertRefused(post("stest-revoke-x", "Authorization", "Bearer cgis_000000000000_" + secret), 401, "Bearer");

        assertThat(tokens.revoke(created.id())).isTrue();
        assertRefused(post("stest-revoke-2", "Authorization", bearer), 401, "Bearer realm=\"corridor-gis\", error=\"invalid_token\"");
        assertThat(tokens.list().stream().filter(t -> t.id().equals(created.id())).findFirst().orElseThrow().revokedAt()).isNotNull();

        ApiTokens.Created expired = tokens.create("stest expired", Role.ADMIN, Duration.ofSeconds(-1));
        assertRefused(post("stest-expired", "Authorization", "Bearer " + expired.token()), 401, "Bearer");
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id in ('stest-revoke-2', 'stest-expired', 'stest-revoke-x')")
                .query(Long.class).single()).isZero();
        // the refusals were counted against the client, without the token
        assertThat(jdbc.sql("select coalesce(sum(failures), 0) from corridor.auth_failure where client = '127.0.0.1'").query(Long.class).single())
                .isEqualTo(4L);
    }

    @Test
    void aClientSendingTooManyBadTokensIsRefusedForAWhile() {
        for (int i = 0; i < 20; i++) {
            assertRefused(post("stest-limit", "Authorization", "Bearer wrong-" + i), 401, "Bearer");
        }
        ApiTokens.Created good = tokens.create("stest good", Role.REVIEWER, null);
        HttpResponse<String> limited = post("stest-limit", "Authorization", "Bearer " + good.token());
        assertRefused(limited, 429, null);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        jdbc.sql("delete from corridor.auth_failure").update();
        assertThat(post("stest-limit", "Authorization", "Bearer " + good.token()).statusCode()).isEqualTo(201);
    }

    private static Map<String, Object> claims(String user, List<String> roles, String audience, Instant expires) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", TestOidcProvider.ISSUER);
        claims.put("sub", "f2c1d8a0-" + user);
        claims.put("preferred_username", user);
        claims.put("aud", List.of(audience));
        claims.put("iat", Instant.now().minusSeconds(5).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("realm_access", Map.of("roles", roles));
        return claims;
    }

    @Test
    void jwtsOfTheOpenIdConnectProviderAreAcceptedWithTheirRoles() {
        TestOidcProvider oidc = TestOidcProvider.get();
        Instant inAnHour = Instant.now().plusSeconds(3600);
        String reviewer = oidc.token(claims("anna.analyst", List.of("offline_access", "corridor-reviewer"), TestOidcProvider.AUDIENCE, inAnHour));
        HttpResponse<String> created = post("stest-oidc", "Authorization", "Bearer " + reviewer, "Change-Reason", "From the 2024 protocol");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("select author || '|' || reason from corridor.change_log where feature_id = 'stest-oidc'").query(String.class).single())
                .isEqualTo("anna.analyst|From the 2024 protocol");

        // an editor's write to official data is only proposed; a user without a role of this service may not write
        String editor = oidc.token(claims("ed.itor", List.of("corridor-editor"), TestOidcProvider.AUDIENCE, inAnHour));
        assertThat(post("stest-oidc-editor", "Authorization", "Bearer " + editor).statusCode()).isEqualTo(202);
        assertThat(jdbc.sql("select author from corridor.proposal where feature_id = 'stest-oidc-editor'").query(String.class).single())
                .isEqualTo("ed.itor");
        String nobody = oidc.token(claims("no.body", List.of("offline_access", "other-app-admin"), TestOidcProvider.AUDIENCE, inAnHour));
        assertRefused(post("stest-oidc-nobody", "Authorization", "Bearer " + nobody), 403, null);

        assertRefused(post("stest-oidc-forged", "Authorization", "Bearer "
                + oidc.forgedToken(claims("mallory", List.of("corridor-admin"), TestOidcProvider.AUDIENCE, inAnHour))), 401, "Bearer");
        assertRefused(post("stest-oidc-aud", "Authorization", "Bearer "
                + oidc.token(claims("anna.analyst", List.of("corridor-reviewer"), "another-service", inAnHour))), 401, "Bearer");
        assertRefused(post("stest-oidc-exp", "Authorization", "Bearer "
                + oidc.token(claims("anna.analyst", List.of("corridor-reviewer"), TestOidcProvider.AUDIENCE, Instant.now().minusSeconds(600)))), 401, "Bearer");
        assertThat(jdbc.sql("select count(*) from corridor.checkpoints where id like 'stest-oidc-%'").query(Long.class).single()).isZero();
    }

    @Test
    void whoAmINamesTheAuthorHistoryWouldRecordWithTheRoles() {
        String token = tokens.create("stest Wanda", Role.REVIEWER, null).token();
        HttpResponse<String> me = client.get("/auth/me", "Authorization", "Bearer " + token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(me.body()).isEqualTo("{\"authenticated\":true,\"name\":\"stest Wanda\",\"roles\":[\"reviewer\"],"
                + "\"may\":[\"editor\",\"reviewer\"],\"via\":\"token\"}");
        String jwt = TestOidcProvider.get().token(claims("ed.itor", List.of("corridor-editor"), TestOidcProvider.AUDIENCE,
                Instant.now().plusSeconds(3600)));
        assertThat(client.get("/auth/me", "Authorization", "Bearer " + jwt).body()).isEqualTo(
                "{\"authenticated\":true,\"name\":\"ed.itor\",\"roles\":[\"editor\"],\"may\":[\"editor\"],\"via\":\"oidc\"}");
        assertThat(client.get("/auth/me").body()).isEqualTo("{\"authenticated\":false,\"roles\":[],\"may\":[]}");
        assertRefused(client.get("/auth/me", "Authorization", "Bearer cgis_000000000000_wrong"), 401, "Bearer");
        assertRefused(client.get("/auth/me?who=x", "Authorization", "Bearer " + token), 400, null);
    }

    @Test
    void theTokenCommandCreatesListsAndRevokes() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String[] db = {"--spring.datasource.url=" + hikari.getJdbcUrl(), "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword())};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCli.run(CorridorApplication.class, concat(new String[] {"token", "create", "--name", "stest cli", "--role", "reviewer"}, db),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String token = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(token).matches("cgis_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(post("stest-cli", "Authorization", "Bearer " + token).statusCode()).isEqualTo(201);

        String id = token.substring(5, 17);
        out.reset();
        assertThat(TokenCli.run(CorridorApplication.class, concat(new String[] {"token", "revoke", id}, db),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        assertRefused(post("stest-cli-2", "Authorization", "Bearer " + token), 401, "Bearer");
        out.reset();
        assertThat(TokenCli.run(CorridorApplication.class, concat(new String[] {"token", "list"}, db),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();
        String line = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
        String[] cells = line.split("\t");
        assertThat(cells[1]).isEqualTo("stest cli");
        assertThat(cells[2]).isEqualTo("reviewer");
        assertThat(cells[5]).isNotEqualTo("-"); // revoked
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(token.substring(18));
        assertThat(TokenCli.run(CorridorApplication.class, new String[] {"token", "create", "--name", "x"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
