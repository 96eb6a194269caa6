package org.corridorgis.replicas;

/** A PostgreSQL WAL position ({@code pg_lsn}, written {@code 16/B374D848}) as a comparable number. */
final class Lsn {

    private Lsn() {
    }

    static long parse(String lsn) {
        if (lsn == null) {
            return -1;
        }
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }
}
