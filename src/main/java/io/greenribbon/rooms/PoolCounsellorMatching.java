package io.greenribbon.rooms;

import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.problem.ProblemException;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Matches on what the pool records today: status and home division. Languages and specialties are not
 * recorded yet (the counsellor pool, issue 3, adds them); until it does, a query that filters on them
 * is refused rather than answered wrongly. When the pool's tables land, add to the query below:
 * {@code and exists (select 1 from <language table> l where l.counsellorId = c.id and l.code = :language)}
 * and the same for specialties, or replace this bean with the pool's own {@link CounsellorMatching}.
 */
@ApplicationScoped
@DefaultBean
public class PoolCounsellorMatching implements CounsellorMatching {

    private final RoomsConfig config;
    private final RequestTexts texts;

    public PoolCounsellorMatching(RoomsConfig config, RequestTexts texts) {
        this.config = config;
        this.texts = texts;
    }

    @Override
    public Uni<List<Long>> candidates(String roomDivision, String language, String specialty) {
        if (language != null) {
            throw ProblemException.invalid("language", texts.text("rooms.availability.skills-not-recorded"));
        }
        if (specialty != null) {
            throw ProblemException.invalid("specialty", texts.text("rooms.availability.skills-not-recorded"));
        }
        String county = roomDivision.substring(0, 6);
        String city = roomDivision.substring(0, 4);
        return Panache.getSession().flatMap(s -> s.createSelectionQuery("""
                        select c.id from Counsellor c
                        where c.status = :active
                          and (c.homeDivision = :county or c.homeDivision = :city
                               or (:crossCounty = true and c.homeDivision like :cityPrefix))
                        order by c.id""", Long.class)
                .setParameter("active", CounsellorStatus.ACTIVE)
                .setParameter("county", county)
                .setParameter("city", city)
                .setParameter("crossCounty", config.allowCrossCounty())
                .setParameter("cityPrefix", city + "%")
                .getResultList());
    }
}
