package io.greenribbon.rooms;

import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.Specialty;
import io.greenribbon.problem.ProblemException;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;

/**
 * Matches on what the pool records: status, home division (the room's county, or the city pool), and the
 * languages and specialties of each member (arrays on the counsellor row, GIN-indexed).
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
        if (specialty != null && Arrays.stream(Specialty.values()).noneMatch(s -> s.name().equals(specialty))) {
            throw ProblemException.invalid("specialty", texts.text("problem.validation.one-of",
                    Arrays.toString(Specialty.values())));
        }
        String county = roomDivision.substring(0, 6);
        String city = roomDivision.substring(0, 4);
        String sql = "select c.id from counsellor c where c.status = :active"
                + " and (c.home_division = :county or c.home_division = :city"
                + " or (:crossCounty and c.home_division like :cityPrefix))"
                + (language == null ? "" : " and c.languages @> array[cast(:language as varchar)]")
                + (specialty == null ? "" : " and c.specialties @> array[cast(:specialty as varchar)]")
                + " order by c.id";
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object.class)
                    .setParameter("active", CounsellorStatus.ACTIVE.name())
                    .setParameter("county", county)
                    .setParameter("city", city)
                    .setParameter("crossCounty", config.allowCrossCounty())
                    .setParameter("cityPrefix", city + "%");
            if (language != null) {
                query.setParameter("language", language);
            }
            if (specialty != null) {
                query.setParameter("specialty", specialty);
            }
            // Object, not Long.class: a native query with a scalar result class misses the plan cache every time.
            return query.getResultList().map(ids -> ids.stream().map(id -> ((Number) id).longValue()).toList());
        });
    }
}
