package io.greenribbon.risk;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's clock. Deadlines, escalations and audit times all read it, never the database's
 * {@code now()}, so that tests can move time with their own {@link Clock} bean.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
