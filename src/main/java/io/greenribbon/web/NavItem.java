package io.greenribbon.web;

import io.greenribbon.access.Permission;

/**
 * One entry of the console's navigation: the page at {@code path}, shown only to accounts holding
 * {@code permission}, the same permission the page itself declares with {@code @Requires} (a test checks
 * that they agree). {@code order} places it among the entries of every feature.
 */
public record NavItem(String path, String labelKey, Permission permission, int order) {
}
