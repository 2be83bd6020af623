package io.greenribbon.hotline.lines;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.HotlineProblems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/** Reading and configuring lines within the account's jurisdiction. */
@ApplicationScoped
public class LineService {

    private final LineRepository lines;
    private final LineDirectory directory;
    private final AccessDecision access;
    private final HotlineConfig config;

    public LineService(LineRepository lines, LineDirectory directory, AccessDecision access, HotlineConfig config) {
        this.lines = lines;
        this.directory = directory;
        this.access = access;
        this.config = config;
    }

    @WithSession
    public Uni<List<LineView>> list() {
        return lines.findWithin(access.jurisdiction())
                .map(list -> list.stream().map(line -> LineView.of(line, LineConfig.of(line, config))).toList());
    }

    /** Creates or replaces the line with this dialled number; every replica routes by it within seconds. */
    @WithTransaction
    public Uni<LineView> put(String id, LineInput input) {
        access.requireGoverns(input.divisionCode());
        return lines.findById(id).flatMap(existing -> {
            if (existing != null) {
                access.requireGoverns(existing.divisionCode);
            }
            HotlineLine line = existing != null ? existing : new HotlineLine();
            line.id = id;
            line.name = input.name().trim();
            line.divisionCode = input.divisionCode();
            line.asksPressOne = input.asksPressOne();
            line.tier1WaitSeconds = input.tier1WaitSeconds();
            line.tier2WaitSeconds = input.tier2WaitSeconds();
            line.backupNumber = input.backupNumber();
            line.forwarded12356 = input.forwarded12356();
            line.active = input.active();
            line.updatedAt = OffsetDateTime.now();
            return (existing != null ? Uni.createFrom().item(line) : lines.persist(line))
                    .call(lines::flush)
                    .call(directory::load)
                    .map(saved -> LineView.of(saved, LineConfig.of(saved, config)));
        }).onFailure(e -> "23503".equals(io.greenribbon.problem.Failures.sqlState(e)))
                .transform(e -> HotlineProblems.invalid("divisionCode", "hotline.line.unknown-division"));
    }
}
