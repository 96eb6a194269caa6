package org.corridorgis.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides the root that absolute links start with, once per request, and never from the {@code Host} header
 * a client chose: links are cached under a shared ETag with {@code Cache-Control: public}, so a forged host
 * would reach every later reader. In order:
 * <ol>
 *   <li>the configured public URL ({@code corridor.web.public-url}), when set;</li>
 *   <li>{@code Forwarded} or {@code X-Forwarded-Proto/-Host/-Port/-Prefix}, only when the request comes
 *       straight from a trusted proxy ({@code corridor.web.trusted-proxies}, IP addresses or CIDR blocks);</li>
 *   <li>otherwise the address and port the connection arrived on.</li>
 * </ol>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class PublicAddress extends OncePerRequestFilter {

    static final String ROOT_ATTRIBUTE = PublicAddress.class.getName() + ".root";

    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "|\\[[0-9A-Fa-f:.]+\\])(?::\\d{1,5})?");
    private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

    private final String publicUrl;
    private final List<byte[][]> trustedProxies = new ArrayList<>();

    @Autowired
    public PublicAddress(WebProperties properties) {
        this(properties.publicUrl(), properties.trustedProxies());
    }

    PublicAddress(String publicUrl, String trustedProxies) {
        String url = publicUrl.strip();
        if (!url.isEmpty() && !url.matches("https?://" + HOST.pattern() + PREFIX.pattern() + "/?")) {
            throw new IllegalArgumentException("corridor.web.public-url must be an http(s) URL such as https://gis.example.org, got '" + url + "'");
        }
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        for (String entry : trustedProxies.split(",")) {
            if (!entry.isBlank()) {
                this.trustedProxies.add(block(entry.strip()));
            }
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ROOT_ATTRIBUTE, root(request));
        chain.doFilter(request, response);
    }

    String root(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        String forwarded = trusted(request.getRemoteAddr()) ? forwardedRoot(request) : null;
        if (forwarded != null) {
            return forwarded;
        }
        String address = request.getLocalAddr();
        if (address.contains(":")) {
            address = "[" + address + "]";
        }
        return request.getScheme() + "://" + address + ":" + request.getLocalPort() + request.getContextPath();
    }

    /** The root a trusted proxy reports, or null when it reports none or one that is not a plain URL root. */
    private static String forwardedRoot(HttpServletRequest request) {
        String proto = null, host = null;
        String forwarded = request.getHeader("Forwarded");
        if (forwarded != null) {
            for (String pair : forwarded.split(",")[0].split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2) {
                    String v = kv[1].strip().replace("\"", "");
                    switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                        case "proto" -> proto = v;
                        case "host" -> host = v;
                        default -> { }
                    }
                }
            }
        } else {
            proto = first(request.getHeader("X-Forwarded-Proto"));
            host = first(request.getHeader("X-Forwarded-Host"));
            String port = first(request.getHeader("X-Forwarded-Port"));
            if (host != null && port != null && port.matches("\\d{1,5}") && !host.contains(":") && !host.endsWith("]")) {
                host = host + ":" + port;
            }
        }
        if (host == null) {
            return null;
        }
        if (proto == null) {
            proto = request.getScheme();
        }
        String prefix = first(request.getHeader("X-Forwarded-Prefix"));
        if (prefix == null) {
            prefix = "";
        } else if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!(proto.equals("http") || proto.equals("https")) || !HOST.matcher(host).matches() || !PREFIX.matcher(prefix).matches()) {
            return null;
        }
        return proto + "://" + host + prefix + request.getContextPath();
    }

    private static String first(String header) {
        return header == null ? null : header.split(",")[0].strip();
    }

    private boolean trusted(String remoteAddress) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(remoteAddress).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        for (byte[][] block : trustedProxies) {
            if (matches(block, address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[][] block, byte[] address) {
        byte[] network = block[0];
        int bits = block[1][0] & 0xff;
        if (network.length != address.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An address or CIDR block, as {network bytes, {prefix length}}. Only literal addresses: no name lookups. */
    private static byte[][] block(String entry) {
        String[] parts = entry.split("/", 2);
        if (!parts[0].matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("corridor.web.trusted-proxies takes IP addresses or CIDR blocks, got '" + entry + "'");
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + entry + "'");
            }
            return new byte[][] {network, {(byte) bits}};
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("corridor.web.trusted-proxies: cannot read '" + entry + "'", e);
        }
    }
}
