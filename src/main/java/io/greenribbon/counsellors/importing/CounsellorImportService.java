package io.greenribbon.counsellors.importing;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.CounsellorsConfig;
import io.greenribbon.counsellors.Credential;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/counsellors/import}: the whole file or nothing. Every line is checked, on its own, against
 * the other lines and against the store; any fault rejects the file with a report naming every bad line and
 * field. A file imported twice changes nothing the second time; an edited file updates the counsellors it
 * names, found by ID number or certificate number. Credentials not in the file are left alone.
 */
@ApplicationScoped
public class CounsellorImportService {

    private static final Logger LOG = Logger.getLogger(CounsellorImportService.class);

    private final Pool pool;
    private final AccessDecision access;
    private final CounsellorsConfig config;

    public CounsellorImportService(Pool pool, AccessDecision access, CounsellorsConfig config) {
        this.pool = pool;
        this.access = access;
        this.config = config;
    }

    public Uni<ImportReport> importCsv(byte[] body, Locale locale) {
        long started = System.nanoTime();
        Actor actor = access.actor();
        CounsellorCsv.Parsed parsed = read(body, locale);
        ImportPlan plan = new ImportPlan(parsed.rows(), locale);
        plan.errors.addAll(parsed.errors());
        return pool.withTransaction(c -> ImportStore.divisions(c, plan.divisions())
                        .invoke(known -> plan.checkHomes(known, actor))
                        .flatMap(x -> ImportStore.counsellors(c, plan.idNumbers(), plan.usernames(),
                                plan.certificateNumbers()))
                        .flatMap(found -> ImportStore.credentials(c, plan.certificateNumbers()).flatMap(certs -> {
                            Map<Long, Counsellor> byId = new HashMap<>();
                            found.forEach(k -> byId.put(k.id, k));
                            plan.match(found.stream().filter(k -> k.idNumber != null).toList(), index(certs), byId,
                                    found.stream().filter(k -> k.username != null).toList(), actor);
                            if (!plan.errors.isEmpty()) {
                                return Uni.createFrom().failure(rejected(plan.errors, locale));
                            }
                            return apply(c, plan, index(certs), parsed.rows().size());
                        })))
                .map(report -> {
                    ImportReport done = report.took((System.nanoTime() - started) / 1_000_000);
                    LOG.infof("Counsellor import by %s committed: %d lines, counsellors %s, credentials %s, %d ms",
                            actor.username(), done.lines(), done.counsellors(), done.credentials(), done.millis());
                    return done;
                })
                .onFailure().transform(io.greenribbon.counsellors.PoolConflicts::translate);
    }

    /** The file's valid lines and the faults of the others; a file that cannot be read at all fails here. */
    private CounsellorCsv.Parsed read(byte[] body, Locale locale) {
        List<CsvTable.Record> records;
        try {
            records = CsvTable.parse(CsvTable.decode(body));
        } catch (CsvTable.SyntaxException e) {
            throw rejected(List.of(new FieldError(CounsellorCsv.field(e.line, null),
                    Messages.text(locale, "counsellor.import.syntax"))), locale);
        }
        if (records.size() - 1 > config.importMaxRows()) {
            throw rejected(List.of(new FieldError("lines", Messages.text(locale, "counsellor.import.too-many-rows",
                    config.importMaxRows()))), locale);
        }
        CounsellorCsv.Parsed parsed = CounsellorCsv.read(records, locale);
        if (parsed.rows().isEmpty() && !parsed.errors().isEmpty()) {
            throw rejected(parsed.errors(), locale);
        }
        return parsed;
    }

    private Uni<ImportReport> apply(SqlConnection c, ImportPlan plan, Map<String, Credential> certs, int lines) {
        List<Counsellor> created = new ArrayList<>();
        List<Counsellor> updated = new ArrayList<>();
        for (ImportPlan.Person p : plan.people.values()) {
            if (p.match == null) {
                p.match = new Counsellor();
                p.match.status = CounsellorStatus.ACTIVE;
                ImportedValues.apply(p.first(), p.match);
                created.add(p.match);
            } else if (ImportedValues.apply(p.first(), p.match)) {
                updated.add(p.match);
            }
        }
        ImportReport.Counts people = new ImportReport.Counts(created.size(), updated.size(),
                plan.people.size() - created.size() - updated.size());
        return ImportStore.newIds(c, created.size()).flatMap(ids -> {
            for (int i = 0; i < ids.size(); i++) {
                created.get(i).id = ids.get(i);
            }
            OffsetDateTime now = OffsetDateTime.now();
            List<Credential> added = new ArrayList<>();
            List<Credential> changed = new ArrayList<>();
            int same = 0;
            for (ImportPlan.Person p : plan.people.values()) {
                for (ImportRow r : p.rows) {
                    if (r.certificate() == null) {
                        continue;
                    }
                    Credential existing = certs.get(r.certificate().number());
                    if (existing == null) {
                        added.add(ImportedValues.credential(p.match.id, r.certificate(), now));
                    } else if (ImportedValues.apply(r.certificate(), existing, now)) {
                        changed.add(existing);
                    } else {
                        same++;
                    }
                }
            }
            var credentialCounts = new ImportReport.Counts(added.size(), changed.size(), same);
            return ImportStore.insertCounsellors(c, created)
                    .flatMap(x -> ImportStore.updateCounsellors(c, updated))
                    .flatMap(x -> ImportStore.insertCredentials(c, added))
                    .flatMap(x -> ImportStore.updateCredentials(c, changed))
                    .map(x -> new ImportReport(lines, people, credentialCounts, 0));
        });
    }

    private static Map<String, Credential> index(List<Credential> certs) {
        Map<String, Credential> byNumber = new HashMap<>();
        certs.forEach(c -> byNumber.put(c.certificateNumber, c));
        return byNumber;
    }

    private static ProblemException rejected(List<FieldError> errors, Locale locale) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparingInt(CounsellorImportService::lineOf)
                .thenComparing(FieldError::field)).toList();
        List<Integer> badLines = sorted.stream().map(CounsellorImportService::lineOf).distinct().toList();
        ProblemException problem = new ProblemException(ProblemType.VALIDATION, "counsellor.import.rejected",
                badLines.size());
        sorted.forEach(e -> problem.field(e.field(), e.message()));
        return problem.with("badLines", badLines);
    }

    private static int lineOf(FieldError e) {
        String f = e.field();
        int open = f.indexOf('[');
        int close = f.indexOf(']');
        return open < 0 || close < 0 ? 0 : Integer.parseInt(f.substring(open + 1, close));
    }
}
