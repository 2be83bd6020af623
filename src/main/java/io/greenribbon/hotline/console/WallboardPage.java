package io.greenribbon.hotline.console;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.access.Requires;
import io.greenribbon.divisions.DivisionService;
import io.greenribbon.divisions.DivisionView;
import io.greenribbon.hotline.wallboard.WallboardService;
import io.greenribbon.hotline.wallboard.WallboardView;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.web.PageContext;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotline room's wallboard, full screen on a TV or a laptop: per line the callers waiting and the longest
 * wait, the counsellors by what they do, and today's figures, as {@code GET /api/hotline/wallboard} gives them
 * (one definition: {@link WallboardService}), refreshed live. Counts only, never a caller.
 */
@io.smallrye.common.annotation.NonBlocking
@Path(WallboardPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class WallboardPage {

    public static final String PATH = "/console/wallboard";
    private static final String DIVISION = "^[0-9]{2}([0-9]{2}([0-9]{2})?)?$";

    /** The board of one division, with the names of the divisions it and its lines belong to. */
    public record Board(WallboardView view, DivisionView division, Map<String, DivisionView> names) {

        /** The board's division in the reader's language. */
        public String name(boolean english) {
            return nameOf(division, english);
        }

        public String nameOf(DivisionView d, boolean english) {
            return english && d.nameEn() != null ? d.nameEn() : d.name();
        }

        /** The line's division in the reader's language (the line's own name is data, in Chinese). */
        public String divisionOf(WallboardView.Line line, boolean english) {
            DivisionView d = names.get(line.division());
            return d == null ? line.division() : nameOf(d, english);
        }

        /** The boards one may switch to: this division, and those beneath it that have lines. */
        public List<DivisionView> choices() {
            List<DivisionView> choices = new ArrayList<>();
            choices.add(division);
            names.values().stream().filter(d -> !d.code().equals(division.code()))
                    .filter(d -> view.lines().stream().anyMatch(l -> l.division().equals(d.code())))
                    .forEach(choices::add);
            return choices;
        }
    }

    private final WallboardService wallboards;
    private final DivisionService divisions;
    private final AccessDecision access;
    private final PageContext pageContext;
    private final Template page;
    private final Template board;

    public WallboardPage(WallboardService wallboards, DivisionService divisions, AccessDecision access,
                         PageContext pageContext, @Location("hotline/wallboard.html") Template page,
                         @Location("hotline/board.html") Template board) {
        this.wallboards = wallboards;
        this.divisions = divisions;
        this.access = access;
        this.pageContext = pageContext;
        this.page = page;
        this.board = board;
    }

    @GET
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_WALLBOARD)
    public Uni<TemplateInstance> show(@QueryParam("division") String division) {
        return board(division).map(b -> page.data("board", b));
    }

    /** The board alone, refreshed by the live wallboard stream. */
    @GET
    @Path("/board")
    @Operation(hidden = true)
    @Requires(Permission.HOTLINE_WALLBOARD)
    public Uni<TemplateInstance> fragment(@QueryParam("division") String division) {
        return board(division).map(b -> board.data("board", b));
    }

    /** The board of {@code division} (default: the account's own), which the account must govern. */
    private Uni<Board> board(String division) {
        if (division != null && !division.isEmpty() && !division.matches(DIVISION)) {
            throw ProblemException.invalid("division", pageContext.text("wallboard.division-format"));
        }
        String target = division == null || division.isEmpty() ? access.jurisdiction() : division;
        access.requireGoverns(target);
        return wallboards.board(target).chain(view -> divisions.get(target).chain(own -> divisions.children(target)
                .map(children -> {
                    Map<String, DivisionView> names = new LinkedHashMap<>();
                    names.put(own.code(), own);
                    children.forEach(d -> names.put(d.code(), d));
                    return new Board(view, own, names);
                })));
    }
}
