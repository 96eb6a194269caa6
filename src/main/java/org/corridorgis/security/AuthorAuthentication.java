package org.corridorgis.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated bearer: the author it stands for, with one authority per role ({@code ROLE_editor}, ...). */
final class AuthorAuthentication extends AbstractAuthenticationToken {

    private final Author author;

    AuthorAuthentication(Author author) {
        super(author.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.id())).toList());
        this.author = author;
        setAuthenticated(true);
    }

    Author author() {
        return author;
    }

    @Override
    public Object getCredentials() {
        return ""; // the token is never kept
    }

    @Override
    public Object getPrincipal() {
        return author;
    }

    @Override
    public String getName() {
        return author.name();
    }

    static List<String> roleIds(Author author) {
        return author.roles().stream().map(Role::id).sorted().toList();
    }
}
