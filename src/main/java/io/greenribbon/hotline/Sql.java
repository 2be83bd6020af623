package io.greenribbon.hotline;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Small helpers for the native statements of the call lifecycle (inside the current session). */
public final class Sql {

    private Sql() {
    }

    /** Runs a statement with named parameters given as name, value pairs; the number of rows changed. */
    public static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.MutationQuery query = session.createNativeQuery(sql);
            bind(query, params);
            return query.executeUpdate();
        });
    }

    /** Runs a query with named parameters; its rows. */
    public static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(sql, Object[].class);
            bind(query, params);
            return query.getResultList();
        });
    }

    /**
     * Runs a query returning one column. It is read as rows, not as {@code type}: Hibernate's plan cache
     * never matches a native query with a scalar result class again (application.properties). Hibernate
     * Reactive hands a one-column row over as its value alone.
     */
    public static <T> Uni<List<T>> column(String sql, Class<T> type, Object... params) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object> query = session.createNativeQuery(sql, Object.class);
            bind(query, params);
            return query.getResultList();
        }).map(values -> values.stream().map(type::cast).toList());
    }

    private static void bind(Mutiny.AbstractQuery query, Object... params) {
        for (int i = 0; i < params.length; i += 2) {
            query.setParameter((String) params[i], params[i + 1]);
        }
    }

    /** A timestamp column of a native result, whichever Java type the driver chose for it. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
