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
        return c.preparedQuery("SELECT " + COUNSELLOR_COLUMNS + " FROM counsellor WHERE id_number = ANY($1)"
                        + " OR username = ANY($2) OR id IN (SELECT counsellor_id FROM counsellor_credential"
                        + " WHERE certificate_number = ANY($3)) ORDER BY id FOR UPDATE")
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

    static Uni<Void> insertCounsellors(SqlConnection c, List<Counsellor> list) {
        return batch(c, "INSERT INTO counsellor (id, full_name, home_division, kind, status, username, id_number,"
                + " languages, specialties, max_caseload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                list, k -> Tuple.from(List.of(k.id, k.fullName, k.homeDivision, k.kind.name(), k.status.name()))
                        .addValue(k.username).addValue(k.idNumber).addValue(k.languages).addValue(k.specialties)
                        .addValue(k.maxCaseload));
    }

    static Uni<Void> updateCounsellors(SqlConnection c, List<Counsellor> list) {
        return batch(c, "UPDATE counsellor SET full_name = $2, home_division = $3, kind = $4, status = $5,"
                + " username = $6, id_number = $7, languages = $8, specialties = $9, max_caseload = $10,"
                + " version = version + 1, updated_at = now() WHERE id = $1",
                list, k -> Tuple.from(List.of(k.id, k.fullName, k.homeDivision, k.kind.name(), k.status.name()))
                        .addValue(k.username).addValue(k.idNumber).addValue(k.languages).addValue(k.specialties)
                        .addValue(k.maxCaseload));
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
