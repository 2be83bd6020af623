package io.greenribbon.rooms.booking;

import io.greenribbon.problem.Failures;
import org.hibernate.JDBCException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQLSTATE and constraint behind a failure, whether it arrives as the Vert.x client's PgException
 * or, as Hibernate Reactive reports flush failures, converted into a Hibernate {@link JDBCException}
 * (whose cause chain no longer holds the PgException, so {@link Failures} alone finds nothing).
 */
final class SqlFailures {

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private SqlFailures() {
    }

    static String sqlState(Throwable failure) {
        String state = Failures.sqlState(failure);
        if (state != null) {
            return state;
        }
        JDBCException jdbc = Failures.find(failure, JDBCException.class);
        return jdbc == null ? null : jdbc.getSQLState();
    }

    static String constraint(Throwable failure) {
        String name = Failures.constraint(failure);
        if (name != null) {
            return name;
        }
        JDBCException jdbc = Failures.find(failure, JDBCException.class);
        if (jdbc == null) {
            return null;
        }
        if (jdbc instanceof org.hibernate.exception.ConstraintViolationException violation
                && violation.getConstraintName() != null) {
            return violation.getConstraintName();
        }
        Matcher m = CONSTRAINT.matcher(String.valueOf(jdbc.getMessage()));
        return m.find() ? m.group(1) : null;
    }
}
