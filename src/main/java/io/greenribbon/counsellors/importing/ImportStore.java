package io.greenribbon.counsellors.importing;

import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorKind;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.Credential;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The import's reads and writes, set-based on one connection of one transaction: keys are passed as
 * arrays ({@code = ANY($1)}), rows are written with pipelined batches. Hibernate would hold and dirty-check
 * every one of thousands of entities instead. The rows it reads are locked until the import commits.
 */
final class ImportStore {

    private static final String COUNSELLOR_COLUMNS = "id, full_name, home_division, kind, status, username,"
            + " id_number, languages, specialties, max_caseload, version";

    private ImportStore() {
    }

    static Uni<Set<String>> divisions(SqlConnection c, Collection<String> codes) {
        return c.preparedQuery("SELECT code FROM division WHERE code = ANY($1)")
                .execute(Tuple.of(codes.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(r -> found.add(r.getString(0)));
                    return found;
                });
    }

    /** Counsellors with any of these ID numbers or usernames, or holding any of these certificates. */
    static Uni<List<Counsellor>> counsellors(SqlConnection c, Collection<String> idNumbers,
                                             Collection<String> usernames, Collection<String> certificates) {
        // A UNION, not OR: each key then probes its own index instead of every row scanning the arrays.
        return c.preparedQuery("SELECT " + COUNSELLOR_COLUMNS + " FROM counsellor WHERE id IN ("
                        + "SELECT id FROM counsellor WHERE id_number = ANY($1)"
                        + " UNION SELECT id FROM counsellor WHERE username = ANY($2)"
                        + " UNION SELECT counsellor_id FROM counsellor_credential WHERE certificate_number = ANY($3))"
                        + " ORDER BY id FOR UPDATE")
                .execute(Tuple.of(idNumbers.toArray(String[]::new), usernames.toArray(String[]::new),
                        certificates.toArray(String[]::new)))
                .map(rows -> map(rows, ImportStore::counsellor));
    }

    static Uni<List<Credential>> credentials(SqlConnection c, Collection<String> numbers) {
        return c.preparedQuery("SELECT id, counsellor_id, certificate_number, level, issuer, valid_from, valid_until,"
                        + " expiry_flagged_at FROM counsellor_credential WHERE certificate_number = ANY($1)"
                        + " ORDER BY id FOR UPDATE")
                .execute(Tuple.of(numbers.toArray(String[]::new)))
                .map(rows -> map(rows, ImportStore::credential));
    }

    /** Ids for new counsellors, from the sequence the entity uses. */
    static Uni<List<Long>> newIds(SqlConnection c, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("SELECT nextval('counsellor_seq') FROM generate_series(1, $1)")
                .execute(Tuple.of(count)).map(rows -> map(rows, r -> r.getLong(0)));
    }

    /** Inserts in one statement: the rows travel as one array per column. */
    static Uni<Void> insertCounsellors(SqlConnection c, List<Counsellor> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("INSERT INTO counsellor (id, full_name, home_division, kind, status, username,"
                        + " id_number, languages, specialties, max_caseload) SELECT " + UNNESTED + " FROM " + UNNEST)
                .execute(columns(list)).replaceWithVoid();
    }

    static Uni<Void> updateCounsellors(SqlConnection c, List<Counsellor> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery("UPDATE counsellor c SET (full_name, home_division, kind, status, username, id_number,"
                        + " languages, specialties, max_caseload) = (SELECT " + UNNESTED.substring(UNNESTED.indexOf(',') + 1)
                        + "), version = c.version + 1, updated_at = now() FROM " + UNNEST + " WHERE c.id = u.id")
                .execute(columns(list)).replaceWithVoid();
    }

    /** Lists (languages, specialties) travel joined by the unit separator, which no label contains. */
    private static final String SEPARATOR = "\u001f";
    private static final String UNNEST = "unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],"
            + " $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])"
            + " AS u(id, full_name, home_division, kind, status, username, id_number, languages, specialties,"
            + " max_caseload)";
    private static final String UNNESTED = "u.id, u.full_name, u.home_division, u.kind, u.status, u.username,"
            + " u.id_number, string_to_array(u.languages, chr(31))::varchar(40)[],"
            + " string_to_array(u.specialties, chr(31))::varchar(32)[], u.max_caseload";

    private static Tuple columns(List<Counsellor> list) {
        int n = list.size();
        Long[] ids = new Long[n];
        String[] names = new String[n];
        String[] homes = new String[n];
        String[] kinds = new String[n];
        String[] statuses = new String[n];
        String[] usernames = new String[n];
        String[] idNumbers = new String[n];
        String[] languages = new String[n];
        String[] specialties = new String[n];
        Integer[] caseloads = new Integer[n];
        for (int i = 0; i < n; i++) {
            Counsellor k = list.get(i);
            ids[i] = k.id;
            names[i] = k.fullName;
            homes[i] = k.homeDivision;
            kinds[i] = k.kind.name();
            statuses[i] = k.status.name();
            usernames[i] = k.username;
            idNumbers[i] = k.idNumber;
            languages[i] = String.join(SEPARATOR, k.languages);
            specialties[i] = String.join(SEPARATOR, k.specialties);
            caseloads[i] = k.maxCaseload;
        }
        return Tuple.from(List.of(ids, names, homes, kinds, statuses, usernames, idNumbers, languages, specialties,
                caseloads));
    }

    static Uni<Void> insertCredentials(SqlConnection c, List<Credential> list) {
        return batch(c, "INSERT INTO counsellor_credential (counsellor_id, certificate_number, level, issuer,"
                + " valid_from, valid_until) VALUES ($1, $2, $3, $4, $5, $6)",
                list, k -> Tuple.of(k.counsellorId, k.certificateNumber, k.level, k.issuer, k.validFrom)
                        .addValue(k.validUntil));
    }

    static Uni<Void> updateCredentials(SqlConnection c, List<Credential> list) {
        return batch(c, "UPDATE counsellor_credential SET level = $2, issuer = $3, valid_from = $4,"
                + " valid_until = $5, expiry_flagged_at = $6, version = version + 1, updated_at = now() WHERE id = $1",
                list, k -> Tuple.of(k.id, k.level, k.issuer, k.validFrom, k.validUntil).addValue(k.expiryFlaggedAt));
    }

    private static <T> Uni<Void> batch(SqlConnection c, String sql, List<T> items, Function<T, Tuple> tuple) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(sql).executeBatch(items.stream().map(tuple).toList()).replaceWithVoid();
    }

    private static Counsellor counsellor(Row r) {
        Counsellor k = new Counsellor();
        k.id = r.getLong("id");
        k.fullName = r.getString("full_name");
        k.homeDivision = r.getString("home_division");
        k.kind = CounsellorKind.valueOf(r.getString("kind"));
        k.status = CounsellorStatus.valueOf(r.getString("status"));
        k.username = r.getString("username");
        k.idNumber = r.getString("id_number");
        k.languages = r.getArrayOfStrings("languages");
        k.specialties = r.getArrayOfStrings("specialties");
        k.maxCaseload = r.getInteger("max_caseload");
        k.version = r.getInteger("version");
        return k;
    }

    private static Credential credential(Row r) {
        Credential k = new Credential();
        k.id = r.getLong("id");
        k.counsellorId = r.getLong("counsellor_id");
        k.certificateNumber = r.getString("certificate_number");
        k.level = r.getString("level");
        k.issuer = r.getString("issuer");
        k.validFrom = r.getLocalDate("valid_from");
        k.validUntil = r.getLocalDate("valid_until");
        k.expiryFlaggedAt = r.getOffsetDateTime("expiry_flagged_at");
        return k;
    }

    private static <T> List<T> map(io.vertx.mutiny.sqlclient.RowSet<Row> rows, Function<Row, T> f) {
        List<T> out = new ArrayList<>();
        rows.forEach(r -> out.add(f.apply(r)));
        return out;
    }
}
