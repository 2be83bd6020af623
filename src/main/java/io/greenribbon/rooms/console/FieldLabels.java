package io.greenribbon.rooms.console;

import io.greenribbon.web.PageText;
import io.quarkus.qute.TemplateExtension;

/**
 * The name of a form field in an error summary ({@code {rooms:label('room.field.', key)}}): a message of the
 * bundles, or for a day's opening window ({@code hours-MONDAY-0}) and a dated entry ({@code dated-2}) the day
 * and the window's number, the entry's number.
 */
@TemplateExtension(namespace = "rooms")
public final class FieldLabels {

    private FieldLabels() {
    }

    public static String label(String prefix, String field) {
        String[] parts = field.split("-");
        if (parts.length == 3 && parts[0].equals("hours")) {
            return PageText.t("room.field.hours", PageText.of("day.", parts[1]), Integer.parseInt(parts[2]) + 1);
        }
        if (parts.length == 2 && parts[0].equals("dated")) {
            return parts[1].equals("new") ? PageText.t("room.dated-add")
                    : PageText.t("room.field.dated", Integer.parseInt(parts[1]) + 1);
        }
        return PageText.of(prefix, field);
    }
}
