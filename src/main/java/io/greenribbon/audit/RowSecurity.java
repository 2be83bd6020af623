package io.greenribbon.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one helper that sets the acting context of a transaction for PostgreSQL's row-level security on
 * risk and audit tables (see {@code V5_0__audit_and_access_context.sql}). Called first in every such
 * transaction, and only by the access-decision points; a query without it sees no row.
 */
public final class RowSecurity {

    private static final String SET = "SELECT set_config('greenribbon.actor', %s, true), "
            + "set_config('greenribbon.scope', %s, true), set_config('greenribbon.plan_grants', %s, true)";
    private static final Pattern DIVISION_PREFIX = Pattern.compile("[0-9]{2,12}");

    private RowSecurity() {
    }

    /**
     * Who acts, which division's rows it sees wholesale ({@link #ALL}, {@link #NONE} or a division prefix),
     * and which cases' safety plans it may open by break-the-glass.
     */
    public record Context(String actor, String scope, Collection<Long> planGrants) {

        public Context {
            if (actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("A row-security context needs an actor");
            }
            if (!ALL.equals(scope) && !NONE.equals(scope) && (scope == null || !DIVISION_PREFIX.matcher(scope).matches())) {
                throw new IllegalArgumentException("Not a row-security scope: " + scope);
            }
            planGrants = planGrants == null ? java.util.List.of() : java.util.List.copyOf(planGrants);
        }

        /** A job of the service itself, seeing every division. */
        public static Context system(String job) {
            return new Context("system:" + job, ALL, null);
        }

        public Context withGrants(Collection<Long> grants) {
            return new Context(actor, scope, grants);
        }

        String grants() {
            return planGrants.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    public static final String ALL = "*";
    public static final String NONE = "-";

    /** In a Hibernate Reactive transaction. */
    public static Uni<Void> apply(Mutiny.Session session, Context context) {
        return session.createNativeQuery(SET.formatted(":actor", ":scope", ":grants"))
                .setParameter("actor", context.actor())
                .setParameter("scope", context.scope())
                .setParameter("grants", context.grants())
                .getSingleResult().replaceWithVoid();
    }

    /** In a transaction of the reactive SQL client. */
    public static Uni<Void> apply(SqlConnection connection, Context context) {
        return connection.preparedQuery(SET.formatted("$1", "$2", "$3"))
                .execute(Tuple.of(context.actor(), context.scope(), context.grants())).replaceWithVoid();
    }

    /** In a JDBC transaction (auto-commit off). */
    public static void apply(Connection connection, Context context) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SET.formatted("?", "?", "?"))) {
            statement.setString(1, context.actor());
            statement.setString(2, context.scope());
            statement.setString(3, context.grants());
            statement.execute();
        }
    }
}
