package io.greenribbon.access;

import java.util.Set;

/**
 * The account behind a request, from its access token: who, with which realm roles, acting in which
 * division (and everything beneath it).
 */
public record Actor(String username, String displayName, Set<String> roles, String division, String extension) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether {@code divisionCode} lies in this account's division or beneath it. */
    public boolean governs(String divisionCode) {
        return division != null && divisionCode != null && divisionCode.startsWith(division);
    }
}
