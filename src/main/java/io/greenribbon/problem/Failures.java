package io.greenribbon.problem;

/** Finding the cause that matters inside the wrappers of Mutiny, Hibernate and Vert.x. */
public final class Failures {

    private Failures() {
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The SQLSTATE of the PostgreSQL error behind a failure, or null. */
    public static String sqlState(Throwable failure) {
        io.vertx.pgclient.PgException pg = find(failure, io.vertx.pgclient.PgException.class);
        return pg == null ? null : pg.getSqlState();
    }

    /** The name of the constraint a PostgreSQL error names, or null. */
    public static String constraint(Throwable failure) {
        io.vertx.pgclient.PgException pg = find(failure, io.vertx.pgclient.PgException.class);
        return pg == null ? null : pg.getConstraint();
    }
}
