package io.orderpayment.axon.config;

import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Adds a module's migrations to the service's Flyway locations, so that a service gets the tables
 * of a module by depending on it and lists only its own in {@code spring.flyway.locations}.
 */
public final class MigrationLocation {

    private MigrationLocation() {
    }

    /** @param classpathFolder e.g. {@code db/migration/inbox} */
    public static FlywayConfigurationCustomizer of(String classpathFolder) {
        Location location = new Location("classpath:" + classpathFolder);
        return flyway -> {
            Location[] current = flyway.getLocations();
            if (!Arrays.asList(current).contains(location)) {
                flyway.locations(Stream.concat(Arrays.stream(current), Stream.of(location)).toArray(Location[]::new));
            }
        };
    }
}
