package io.greenribbon.counsellors;

import io.greenribbon.problem.Failures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQLSTATE and constraint behind a failed write. Hibernate Reactive reports a PostgreSQL error as a
 * Hibernate {@code JDBCException} (whose cause is no longer the Vert.x {@code PgException}), so both shapes
 * are looked at; the constraint name is read from the server's message when no field carries it.
 */
public final class DatabaseErrors {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private DatabaseErrors() {
    }

    public static String sqlState(Throwable failure) {
        String state = Failures.sqlState(failure);
        if (state != null) {
            return state;
        }
        org.hibernate.JDBCException jdbc = Failures.find(failure, org.hibernate.JDBCException.class);
        if (jdbc != null && jdbc.getSQLState() != null) {
            return jdbc.getSQLState();
        }
        java.sql.SQLException sql = Failures.find(failure, java.sql.SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    public static String constraint(Throwable failure) {
        String name = Failures.constraint(failure);
        if (name != null) {
            return name;
        }
        org.hibernate.exception.ConstraintViolationException violation =
                Failures.find(failure, org.hibernate.exception.ConstraintViolationException.class);
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
}
