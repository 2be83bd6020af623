package io.greenribbon.risk;

import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** 201 Created with the new record's address. */
final class Created {

    private Created() {
    }

    static <T> RestResponse<T> at(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(entity).build();
    }
}
