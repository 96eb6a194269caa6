package org.corridorgis.replicas;

/**
 * Where the current request reads from: one server for the whole request, so that its data version (the ETag)
 * and its rows come from the same database. Threads that serve no request (start-up, migrations, the seed
 * loader, background checks) have no route and use the primary.
 */
final class ReadRoute {

    private static final ThreadLocal<ReadRoute> CURRENT = new ThreadLocal<>();

    private Replica replica;
    private boolean used;

    private ReadRoute(Replica replica) {
        this.replica = replica;
    }

    static ReadRoute begin(Replica replica) {
        ReadRoute route = new ReadRoute(replica);
        CURRENT.set(route);
        return route;
    }

    static ReadRoute current() {
        return CURRENT.get();
    }

    static void end() {
        CURRENT.remove();
    }

    /** The replica serving this request, or null when the primary does. */
    Replica replica() {
        return replica;
    }

    /** True once a statement of this request has run on its replica. */
    boolean used() {
        return used;
    }

    void markUsed() {
        used = true;
    }

    /** The rest of the request (or its second attempt) reads from the primary. */
    void toPrimary() {
        replica = null;
        used = false;
    }
}
