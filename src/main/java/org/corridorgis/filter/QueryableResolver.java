package org.corridorgis.filter;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a property name used in a filter to a queryable of the collection. This is the only way a
 * property name of a filter reaches SQL: the translator pastes {@link Queryable#sqlExpression()} (chosen by the
 * catalogue), never the name written by the user.
 */
public interface QueryableResolver {

    Optional<Queryable> resolve(String propertyName);

    /** Names listed in the "unknown property" message; the catalogue should override this. */
    default Collection<String> queryableNames() {
        return List.of();
    }
}
