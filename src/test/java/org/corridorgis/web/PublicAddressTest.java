package org.corridorgis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where the root of absolute links comes from: configuration, a trusted proxy, or the connection; never Host. */
class PublicAddressTest {

    private static MockHttpServletRequest request(String remote) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/collections");
        r.setRemoteAddr(remote);
        r.setLocalAddr("10.0.0.5");
        r.setLocalPort(8080);
        r.setServerName("evil.example");
        r.addHeader("Host", "evil.example");
        return r;
    }

    @Test
    void withoutConfigurationTheConnectionsOwnAddressNotTheHostHeader() {
        MockHttpServletRequest r = request("203.0.113.9");
        r.addHeader("X-Forwarded-Host", "evil.example");
        assertThat(new PublicAddress("", "").root(r)).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void theConfiguredPublicUrlWins() {
        MockHttpServletRequest r = request("192.0.2.1");
        r.addHeader("X-Forwarded-Host", "proxy.example");
        assertThat(new PublicAddress("https://gis.example.org/corridor/", "192.0.2.1").root(r)).isEqualTo("https://gis.example.org/corridor");
    }

    @Test
    void forwardedHeadersCountOnlyFromATrustedProxy() {
        PublicAddress address = new PublicAddress("", "192.0.2.0/24, 2001:db8::1");
        MockHttpServletRequest trusted = request("192.0.2.77");
        trusted.addHeader("X-Forwarded-Proto", "https");
        trusted.addHeader("X-Forwarded-Host", "maps.example.org");
        trusted.addHeader("X-Forwarded-Prefix", "/gis");
        assertThat(address.root(trusted)).isEqualTo("https://maps.example.org/gis");

        MockHttpServletRequest rfc7239 = request("2001:db8::1");
        rfc7239.addHeader("Forwarded", "for=198.51.100.2;proto=https;host=\"maps.example.org:8443\", for=192.0.2.1");
        assertThat(address.root(rfc7239)).isEqualTo("https://maps.example.org:8443");

        MockHttpServletRequest outsider = request("192.0.3.1");
        outsider.addHeader("X-Forwarded-Host", "maps.example.org");
        assertThat(address.root(outsider)).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void aTrustedProxyStillCannotInjectMarkupIntoLinks() {
        MockHttpServletRequest r = request("192.0.2.1");
        r.addHeader("X-Forwarded-Host", "x\"><script>alert(1)</script>");
        assertThat(new PublicAddress("", "192.0.2.1").root(r)).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void badConfigurationStopsStartUp() {
        assertThatThrownBy(() -> new PublicAddress("javascript:alert(1)", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicAddress("", "proxy.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicAddress("", "192.0.2.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
