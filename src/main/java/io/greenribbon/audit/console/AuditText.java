package io.greenribbon.audit.console;

import io.greenribbon.web.PageContext;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the access review's templates write: {@code {audit:roles(entry.actorRoles)}}. */
@TemplateExtension(namespace = "audit")
public final class AuditText {

    private AuditText() {
    }

    /** The roles an entry recorded ({@code a,b}), in the reader's words; a role the bundles do not name as it is. */
    public static String roles(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return "";
        }
        PageContext page = Arc.container().instance(PageContext.class).get();
        return Arrays.stream(recorded.split(",")).map(String::strip).map(role -> {
            String text = page.text("role." + role);
            return text.equals("role." + role) ? role : text;
        }).collect(Collectors.joining(page.english() ? ", " : "、"));
    }
}
