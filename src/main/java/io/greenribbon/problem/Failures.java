package io.greenribbon.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding the cause that matters inside the wrappers of Mutiny, Hibernate and Vert.x. A PostgreSQL error
 * arrives as the Vert.x {@code PgException} from plain reactive SQL, but Hibernate Reactive reports it as a
 * Hibernate {@code JDBCException} whose cause is no longer the {@code PgException}: both shapes are read.
 */
public final class Failures {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    /**
     * PostgreSQL's answers of a server that cannot serve anyone just now, besides connection failures (class
     * 08): shut down by an administrator or a crash, starting up or shutting down, out of connections.
     */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");

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
        PgException pg = find(failure, PgException.class);
        if (pg != null && pg.getSqlState() != null) {
            return pg.getSqlState();
        }
        org.hibernate.JDBCException jdbc = find(failure, org.hibernate.JDBCException.class);
        if (jdbc != null && jdbc.getSQLState() != null) {
            return jdbc.getSQLState();
        }
        SQLException sql = find(failure, SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    /** The name of the constraint a PostgreSQL error names, or null. */
    public static String constraint(Throwable failure) {
        PgException pg = find(failure, PgException.class);
        if (pg != null && pg.getConstraint() != null) {
            return pg.getConstraint();
        }
        org.hibernate.exception.ConstraintViolationException violation =
                find(failure, org.hibernate.exception.ConstraintViolationException.class);
        if (violation != null && violation.getConstraintName() != null) {
            return violation.getConstraintName();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher m = CONSTRAINT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Whether a failure is an integrity violation (SQLSTATE class 23: unique, exclusion, foreign key, check). */
    public static boolean isIntegrityViolation(Throwable failure) {
        String state = sqlState(failure);
        return state != null && state.startsWith("23");
    }

    /**
     * Whether a failure means the database cannot be reached just now (so the request may succeed later), as
     * each client reports it: the reactive pg client (a refused or lost connection, the server's shutdown
     * notice), JDBC and Agroal (connection SQLSTATEs and exceptions), and Hibernate Reactive or ORM wrapping
     * either.
     */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if (state != null && (state.startsWith("08") || SERVER_UNAVAILABLE.contains(state))) {
                return true;
            }
        }
        return false;
    }
}
