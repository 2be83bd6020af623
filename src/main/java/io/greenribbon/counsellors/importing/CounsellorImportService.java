package io.greenribbon.counsellors.importing;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.counsellors.Counsellor;
import io.greenribbon.counsellors.CounsellorRepository;
import io.greenribbon.counsellors.CounsellorStatus;
import io.greenribbon.counsellors.CounsellorsConfig;
import io.greenribbon.counsellors.Credential;
import io.greenribbon.counsellors.CredentialRepository;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.problem.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/counsellors/import}: the whole file or nothing. Every line is checked, on its own, against
 * the other lines and against the store; any fault rejects the file with a report naming every bad line and
 * field. A file imported twice changes nothing the second time; an edited file updates the counsellors it
 * names, found by ID number or certificate number. Credentials not in the file are left alone.
 */
@ApplicationScoped
public class CounsellorImportService {

    private static final Logger LOG = Logger.getLogger(CounsellorImportService.class);
    /** Keys per IN list: well below PostgreSQL's limit of bind parameters per statement. */
    private static final int CHUNK = 2000;

    private final CounsellorRepository counsellors;
    private final CredentialRepository credentials;
    private final DivisionRepository divisions;
    private final AccessDecision access;
    private final CounsellorsConfig config;

    public CounsellorImportService(CounsellorRepository counsellors, CredentialRepository credentials,
                                   DivisionRepository divisions, AccessDecision access, CounsellorsConfig config) {
        this.counsellors = counsellors;
        this.credentials = credentials;
        this.divisions = divisions;
        this.access = access;
        this.config = config;
    }

    @WithTransaction
    public Uni<ImportReport> importCsv(byte[] body, Locale locale) {
        long started = System.nanoTime();
        Actor actor = access.actor();
        CounsellorCsv.Parsed parsed = read(body, locale);
        List<ImportRow> rows = parsed.rows();
        ImportPlan plan = new ImportPlan(rows, locale);
        plan.errors.addAll(parsed.errors());
        return divisions.findAllByCode(List.copyOf(plan.divisions()))
                .invoke(found -> plan.checkHomes(found.stream().map(d -> d.code).collect(Collectors.toSet()), actor))
                .flatMap(x -> inChunks(plan.idNumbers(), counsellors::findByIdNumbers))
                .flatMap(byId -> inChunks(plan.certificateNumbers(), credentials::findByCertificateNumbers)
                        .flatMap(certs -> owners(certs, byId)
                                .flatMap(owners -> inChunks(plan.usernames(), counsellors::findByUsernames)
                                        .map(byUsername -> {
                                            plan.match(byId, index(certs), owners, byUsername, actor);
                                            return index(certs);
                                        }))))
                .flatMap(certs -> {
                    if (!plan.errors.isEmpty()) {
                        return Uni.createFrom().failure(rejected(plan.errors, locale));
                    }
                    return apply(plan, certs, parsed.rows().size(), started);
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

    private Uni<ImportReport> apply(ImportPlan plan, Map<String, Credential> certs, int lines, long started) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Counsellor> created = new ArrayList<>();
        int updated = 0;
        for (ImportPlan.Person p : plan.people.values()) {
            if (p.match == null) {
                p.match = new Counsellor();
                p.match.status = CounsellorStatus.ACTIVE;
                created.add(p.match);
            }
            if (ImportedValues.apply(p.first(), p.match) && p.match.id != null) {
                p.match.updatedAt = now;
                updated++;
            }
            if (p.match.id == null) {
                p.match.updatedAt = now;
            }
        }
        int unchanged = plan.people.size() - created.size() - updated;
        ImportReport.Counts people = new ImportReport.Counts(created.size(), updated, unchanged);
        return (created.isEmpty() ? Uni.createFrom().voidItem() : counsellors.persist(created))
                .flatMap(x -> {
                    List<Credential> added = new ArrayList<>();
                    int[] changed = new int[2];
                    for (ImportPlan.Person p : plan.people.values()) {
                        for (ImportRow r : p.rows) {
                            if (r.certificate() != null) {
                                Credential existing = certs.get(r.certificate().number());
                                if (existing == null) {
                                    added.add(ImportedValues.credential(p.match.id, r.certificate(), now));
                                } else if (ImportedValues.apply(r.certificate(), existing, now)) {
                                    changed[0]++;
                                } else {
                                    changed[1]++;
                                }
                            }
                        }
                    }
                    var credentialCounts = new ImportReport.Counts(added.size(), changed[0], changed[1]);
                    return (added.isEmpty() ? Uni.createFrom().voidItem() : credentials.persist(added))
                            .flatMap(y -> counsellors.flush())
                            .map(y -> {
                                long millis = (System.nanoTime() - started) / 1_000_000;
                                LOG.infof("Counsellor import by %s: %d lines, counsellors %s, credentials %s, %d ms",
                                        access.actor().username(), lines, people, credentialCounts, millis);
                                return new ImportReport(lines, people, credentialCounts, millis);
                            });
                });
    }

    private Uni<Map<Long, Counsellor>> owners(List<Credential> certs, List<Counsellor> known) {
        Map<Long, Counsellor> owners = new HashMap<>();
        known.forEach(c -> owners.put(c.id, c));
        Set<Long> missing = certs.stream().map(c -> c.counsellorId).filter(id -> !owners.containsKey(id))
                .collect(Collectors.toSet());
        return inChunks(missing, counsellors::findByIds).map(found -> {
            found.forEach(c -> owners.put(c.id, c));
            return owners;
        });
    }

    private static Map<String, Credential> index(List<Credential> certs) {
        Map<String, Credential> byNumber = new HashMap<>();
        certs.forEach(c -> byNumber.put(c.certificateNumber, c));
        return byNumber;
    }

    /** Runs a lookup over many keys in chunks, one after the other on the one session. */
    private static <K, T> Uni<List<T>> inChunks(Collection<K> keys, Function<List<K>, Uni<List<T>>> lookup) {
        List<K> all = List.copyOf(keys);
        Uni<List<T>> result = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<K> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            result = result.flatMap(acc -> lookup.apply(chunk).map(found -> {
                acc.addAll(found);
                return acc;
            }));
        }
        return result;
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
