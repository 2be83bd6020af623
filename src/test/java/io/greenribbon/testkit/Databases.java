package io.greenribbon.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC connections to the run's database, as each of its roles. */
public final class Databases {

    private Databases() {
    }

    /** As the service's own login, with only the rights the migrations grant it. */
    public static Connection asApp() throws SQLException {
        return DriverManager.getConnection(url(), PostgresServer.APP, PostgresServer.APP_PASSWORD);
    }

    /** As the schema owner, who runs the migrations. */
    public static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(url(), PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD);
    }

    /** As the database superuser: what an operator with full access (or an attacker with it) could do. */
    public static Connection asSuperuser() throws SQLException {
        return TestInfrastructure.get().postgres.superuser(PostgresServer.DATABASE);
    }

    private static String url() {
        return TestInfrastructure.get().postgres.jdbcUrl(PostgresServer.DATABASE);
    }
}
