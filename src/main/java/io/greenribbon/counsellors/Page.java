package io.greenribbon.counsellors;

import java.util.List;

/** One page of a list: its items, which page (from 0), the page size and the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
