package io.greenribbon.rooms;

import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Which counsellors of the pool could take a session in a room: active, within reach of the room,
 * and, when asked, speaking a language or holding a specialty. The availability query asks this
 * seam; the counsellor pool (issue 3) owns languages and specialties and answers for them.
 */
public interface CounsellorMatching {

    /**
     * @param roomDivision the room's village or community
     * @param language     a language the counsellor must speak, or null for any
     * @param specialty    a specialty the counsellor must hold, or null for any
     * @return the ids of the counsellors who match, in a stable order
     */
    Uni<List<Long>> candidates(String roomDivision, String language, String specialty);
}
