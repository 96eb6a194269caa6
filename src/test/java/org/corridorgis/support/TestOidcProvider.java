package org.corridorgis.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in OpenID Connect provider for the tests: an RSA key pair made for the run, its public key served as a
 * JWKS on 127.0.0.1, and RS256 JWTs signed here by hand (header, claims, signature as RFC 7515 spells them), so
 * that the service's token checks meet a real signature without any external provider.
 */
public final class TestOidcProvider {

    public static final String ISSUER = "https://oidc.corridor.test/realms/analysts";
    public static final String AUDIENCE = "corridor-gis";
    public static final String ROLES_CLAIM = "realm_access.roles";
    public static final String ROLE_PREFIX = "corridor-";
    private static final String KEY_ID = "test-key-1";
    private static TestOidcProvider instance;

    private final KeyPair keys;
    private final KeyPair strangerKeys;
    private final HttpServer server;

    private TestOidcProvider() throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
        this.strangerKeys = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}";
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static synchronized TestOidcProvider get() {
        if (instance == null) {
            try {
                instance = new TestOidcProvider();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A JWT signed with the provider's key. */
    public String token(Map<String, Object> claims) {
        return sign(claims, keys, KEY_ID);
    }

    /** A JWT of the same shape signed with a key the provider does not publish. */
    public String forgedToken(Map<String, Object> claims) {
        return sign(claims, strangerKeys, KEY_ID);
    }

    private static String sign(Map<String, Object> claims, KeyPair with, String kid) {
        JsonMapper json = JsonMapper.builder().build();
        String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64(json.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(with.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
