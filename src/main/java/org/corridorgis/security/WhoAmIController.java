package org.corridorgis.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.web.QueryParameters;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /auth/me}: who the bearer token of the request belongs to. A client that keeps only a token (the
 * viewer keeps it in the tab's session storage) learns from it the name the service records as author, so that
 * it recognises its user's own scenarios ({@code created_by}) after a reload. An invalid token is refused
 * before this (401); without a token the answer says so, and is not an error.
 */
@RestController
class WhoAmIController {

    @GetMapping("/auth/me")
    ResponseEntity<Map<String, Object>> me(HttpServletRequest request) {
        QueryParameters.allowOnly(request, Set.of());
        Map<String, Object> me = new LinkedHashMap<>();
        Author.current().ifPresentOrElse(author -> {
            me.put("authenticated", true);
            me.put("name", author.name());
            me.put("roles", AuthorAuthentication.roleIds(author));
            me.put("may", Arrays.stream(Role.values()).filter(author::may).map(Role::id).toList());
            me.put("via", author.source());
        }, () -> {
            me.put("authenticated", false);
            me.put("roles", List.of());
            me.put("may", List.of());
        });
        // the answer depends on the Authorization header: never cached, never shared
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.VARY, "Authorization")
                .contentType(MediaType.APPLICATION_JSON).body(me);
    }
}
