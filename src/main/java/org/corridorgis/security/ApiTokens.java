package org.corridorgis.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The service's own API tokens. A token reads {@code cgis_<id>_<secret>}: the 12 hex digits of the id find the
 * row; the secret (32 random bytes) is checked against the bcrypt hash kept there, the only form in which the
 * database holds it. A token is shown once, when it is made.
 *
 * <p>No timing oracle: an unknown id, a revoked or expired token and a wrong secret all cost one bcrypt check,
 * as a right one does (an unknown id is checked against a dummy hash of the same cost), and bcrypt compares
 * its digests in constant time.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "cgis_";
    private static final Pattern TOKEN = Pattern.compile("^cgis_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BCryptPasswordEncoder bcrypt;
    private final String dummyHash;

    public ApiTokens(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.bcrypt = new BCryptPasswordEncoder(properties.bcryptCost(), RANDOM);
        this.dummyHash = bcrypt.encode(secret());
    }

    /** A token as listed: never its secret. */
    public record Listed(String id, String name, Role role, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                         OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    /** A new token: {@link #token()} is shown once and kept nowhere. */
    public record Created(String id, String token) {
    }

    public static boolean looksLikeApiToken(String bearer) {
        return bearer.startsWith(PREFIX);
    }

    public Created create(String name, Role role, Duration validFor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a token needs a name of 1 to 200 characters");
        }
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = secret();
        jdbc.sql("insert into corridor.api_token (id, name, role, secret_hash, expires_at) values (:id, :name, :role, :secret_hash, now() + cast(:valid_for as interval))")
                .param("id", id).param("name", name.strip()).param("role", role.id()).param("secret_hash", bcrypt.encode(secret))
                .param("valid_for", validFor == null ? null : validFor.toSeconds() + " seconds")
                .update();
        return new Created(id, PREFIX + id + "_" + secret);
    }

    public List<Listed> list() {
        return jdbc.sql("select id, name, role, created_at, expires_at, revoked_at, last_used_at from corridor.api_token order by created_at, id")
                .query((rs, n) -> new Listed(rs.getString("id"), rs.getString("name"), Role.parse(rs.getString("role")).orElseThrow(),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class), rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes a token at once, on every instance (each checks the table); false when there is no such token. */
    public boolean revoke(String id) {
        return jdbc.sql("update corridor.api_token set revoked_at = coalesce(revoked_at, now()) where id = :id").param("id", id).update() == 1;
    }

    /** The author a token stands for, when it is valid now. */
    public Optional<Author> verify(String token) {
        Matcher m = TOKEN.matcher(token);
        String id = m.matches() ? m.group(1) : null;
        String secret = m.matches() ? m.group(2) : "-"; // bcrypt takes at most 72 bytes: never the raw input
        Optional<Row> row = id == null ? Optional.empty()
                : jdbc.sql("select name, role, secret_hash, (revoked_at is null and (expires_at is null or expires_at > now())) as usable "
                        + "from corridor.api_token where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getString("name"), rs.getString("role"), rs.getString("secret_hash"), rs.getBoolean("usable")))
                .optional();
        // the same work whatever the outcome: one bcrypt check
        boolean matches = bcrypt.matches(secret, row.map(Row::hash).orElse(dummyHash));
        if (row.isEmpty() || !matches || !row.get().usable()) {
            return Optional.empty();
        }
        jdbc.sql("update corridor.api_token set last_used_at = now() where id = :id"
                        + " and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param("id", id).update();
        return Optional.of(new Author(row.get().name(), Set.of(Role.parse(row.get().role()).orElseThrow()), "token"));
    }

    private record Row(String name, String role, String hash, boolean usable) {
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
