package org.corridorgis.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.corridorgis.web.ProblemException;

/**
 * Who makes a change: the name history records and the roles that decide what they may do. Code below the
 * controllers receives an Author, never a request or a token.
 *
 * @param name   the author as history records it (an API token's name, or the OIDC user name)
 * @param roles  the roles granted
 * @param source {@code token} (the service's own API tokens) or {@code oidc}
 */
public record Author(String name, Set<Role> roles, String source) {

    public Author {
        roles = Set.copyOf(roles);
    }

    public boolean may(Role role) {
        return roles.stream().anyMatch(r -> r.includes(role));
    }

    /** The author of the current request, when it carried a valid bearer token. */
    public static Optional<Author> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof AuthorAuthentication a) {
            return Optional.of(a.author());
        }
        return Optional.empty();
    }

    /** The current author, who must hold the role; a 403 problem otherwise (a 401 without a token). */
    public static Author require(Role role, String toDoWhat) {
        Author author = current().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "Authentication required",
                toDoWhat + " needs a bearer token (Authorization: Bearer ...)"));
        if (!author.may(role)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Not allowed",
                    toDoWhat + " needs the role '" + role.id() + "'; '" + author.name() + "' has " + author.roles().stream().map(Role::id).sorted().toList());
        }
        return author;
    }
}
