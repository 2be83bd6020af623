package io.greenribbon.telephony;

import io.greenribbon.telephony.peer.ConfFile;
import io.greenribbon.telephony.peer.Dialplan;
import io.greenribbon.telephony.peer.PeerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of telephony/: every file parses as Asterisk reads it, every place the dialplan goes to
 * exists, every queue it uses is defined from the template, the AMI user has least privilege, the
 * modules the dialplan needs are loaded (and nothing else), no secret is real, every prompt is listed.
 */
class TelephonyConfigTest {

    private static final Path DIR = Path.of("telephony");
    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Za-z0-9_]+__");
    private static final Pattern FUNCTION = Pattern.compile("\\$\\{([A-Z_]+)\\(");
    /** A function written to: {@code Set(CDR(userfield)=...)}. */
    private static final Pattern SET_FUNCTION = Pattern.compile("^([A-Z_]+)\\(");
    private static final Pattern TIER_QUEUE = Pattern.compile("HOTLINE_TIER[12]_QUEUE=(hl-\\d+)");

    /** The module that provides each application and function the dialplan may use (core: none). */
    private static final Map<String, String> PROVIDER = Map.ofEntries(
            Map.entry("Queue", "app_queue.so"), Map.entry("Dial", "app_dial.so"),
            Map.entry("Playback", "app_playback.so"), Map.entry("ExecIf", "app_exec.so"),
            Map.entry("AGI", "res_agi.so"), Map.entry("CALLERID", "func_callerid.so"), Map.entry("CDR", "func_cdr.so"),
            Map.entry("LEN", "func_strings.so"), Map.entry("IF", "func_logic.so"),
            Map.entry("NoOp", ""), Map.entry("Answer", ""), Map.entry("Set", ""), Map.entry("Goto", ""),
            Map.entry("GotoIf", ""), Map.entry("Hangup", ""),
            Map.entry("Wait", ""), Map.entry("SayDigits", ""), Map.entry("ChanSpy", "app_chanspy.so"),
            Map.entry("Gosub", "app_stack.so"), Map.entry("Return", "app_stack.so"), Map.entry("LOCAL", "app_stack.so"),
            Map.entry("QUEUE_MEMBER", "app_queue.so"), Map.entry("QUEUE_MEMBER_LIST", "app_queue.so"),
            Map.entry("SHIFT", "func_strings.so"), Map.entry("DEVICE_STATE", "func_devstate.so"));

    private static ConfFile conf(String name) {
        return ConfFile.read(DIR.resolve(name));
    }

    private static Dialplan dialplan() {
        return Dialplan.of(conf("extensions.conf"));
    }

    @Test
    void everyFileParsesAsAsteriskConfiguration() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> confs = files.filter(p -> p.toString().endsWith(".conf")).toList();
            assertThat(confs).extracting(p -> p.getFileName().toString()).contains("pjsip.conf", "extensions.conf",
                    "manager.conf", "queues.conf", "modules.conf", "cdr_pgsql.conf", "cdr.conf", "cdr_manager.conf", "asterisk.conf");
            confs.forEach(p -> assertThat(ConfFile.read(p).sections()).as(p.toString()).isNotEmpty());
        }
    }

    @Test
    void everyApplicationAndFunctionIsOneThePeerRunsAndAModuleLoads() {
        Set<String> loaded = loadedModules();
        for (Dialplan.Step step : dialplan().allSteps()) {
            assertThat(PROVIDER).as("application %s at line %d", step.app(), step.line()).containsKey(step.app());
            String module = PROVIDER.get(step.app());
            if (!module.isEmpty()) {
                assertThat(loaded).as("module for %s", step.app()).contains(module);
            }
            Matcher f = FUNCTION.matcher(step.data());
            while (f.find()) {
                assertThat(PROVIDER).as("function %s() at line %d", f.group(1), step.line()).containsKey(f.group(1));
                assertThat(loaded).contains(PROVIDER.get(f.group(1)));
            }
            Matcher written = SET_FUNCTION.matcher(step.app().equals("Set") ? step.data() : "");
            if (written.find()) {
                assertThat(PROVIDER).as("function %s() at line %d", written.group(1), step.line()).containsKey(written.group(1));
                assertThat(loaded).contains(PROVIDER.get(written.group(1)));
            }
        }
    }

    @Test
    void everyGotoLandsOnAnExistingPriority() {
        Dialplan plan = dialplan();
        List<String> checked = new ArrayList<>();
        for (Dialplan.Step step : plan.allSteps()) {
            List<String> targets = switch (step.app()) {
                case "Goto" -> List.of(step.data());
                case "GotoIf" -> List.of(step.data().substring(step.data().lastIndexOf('?') + 1).split(":"));
                case "Gosub" -> List.of(step.data().replaceAll("\\(.*\\)$", ""));
                default -> List.of();
            };
            for (String target : targets) {
                String[] p = target.strip().split(",");
                String context = p.length == 3 ? p[0] : step.context();
                String exten = p.length >= 2 ? p[p.length - 2] : step.exten();
                String priority = p[p.length - 1];
                int at = plan.priorityOf(context, exten, priority).orElse(-1);
                assertThat(plan.step(context, exten, at)).as("%s from %s,%s,%d", target, step.context(), step.exten(),
                        step.priority()).isPresent();
                checked.add(target);
            }
        }
        assertThat(checked).contains("hotline,s,1", "tier1", "backup", "hotline,s,tier2", "imminent", "number",
                "hotline-tier-open,s,1", "closed", "member");
    }

    @Test
    void theCallFlowAsksTheServiceFailsOpenAndEndsInTheBackupLine() {
        Dialplan plan = dialplan();
        List<Dialplan.Step> flow = plan.find("hotline", "s").orElseThrow().steps();
        List<String> apps = flow.stream().map(Dialplan.Step::app).toList();
        assertThat(apps).containsSubsequence("Answer", "Set", "AGI", "ExecIf", "ExecIf", "Dial", "Queue", "Queue", "Dial",
                "Hangup");
        int agiAt = apps.indexOf("AGI");
        Dialplan.Step agi = flow.get(agiAt);
        assertThat(agi.data()).isEqualTo("${GREENRIBBON_AGI}/route,${HOTLINE_LINE},${CALLERID(num)},${HOTLINE_NOTICE}");
        assertThat(flow.get(agiAt - 1).data()).as("cleared, so that only the route's STREAM FILE sets it")
                .isEqualTo("PLAYBACKSTATUS=");
        List<Dialplan.Step> afterAgi = flow.subList(agiAt, flow.size()).stream().filter(s -> s.app().equals("ExecIf")).toList();
        assertThat(afterAgi.get(0).data()).contains("\"${AGISTATUS}\" != \"SUCCESS\"", "\"${AJ_AGISTATUS}\" != \"SUCCESS\"",
                "Set(HOTLINE_FAILOPEN=1)");
        // The notice is never skipped: the dialplan plays it when the service did not.
        assertThat(afterAgi.get(1).data()).isEqualTo("$[\"${PLAYBACKSTATUS}\" != \"SUCCESS\"]?Playback(${HOTLINE_NOTICE})");
        assertThat(apps.subList(0, agiAt)).doesNotContain("Playback");
        assertThat(flow).anyMatch(s -> s.app().equals("Set") && s.data().equals("__HOTLINE_CALLER=${CALLERID(num)}"));
        assertThat(plan.find("hotline", "h")).isPresent();
        assertThat(plan.find("hotline-transfer", "h")).isPresent();
        assertThat(plan.find("hotline-transfer", "supervisor")).isPresent();
        assertThat(plan.find("hotline-callback", "13800138000")).isPresent();
        assertThat(plan.find("hotline-callback", "+8613800138000")).isPresent();
        assertThat(plan.globals()).containsKeys("GREENRIBBON_AGI", "HOTLINE_BACKUP_NUMBER", "HOTLINE_CITY_QUEUE")
                .containsEntry("HOTLINE_NOTICE_DEFAULT", "greenribbon/confidentiality");
    }

    @Test
    void everyLineUsesAQueueThatQueuesConfDefinesFromTheTemplate() {
        ConfFile queues = conf("queues.conf");
        Set<String> defined = queues.concreteSections().stream().map(ConfFile.Section::name)
                .filter(n -> !n.equals("general")).collect(Collectors.toSet());
        Set<String> used = new LinkedHashSet<>();
        dialplan().allSteps().forEach(s -> {
            Matcher m = TIER_QUEUE.matcher(s.data());
            while (m.find()) {
                used.add(m.group(1));
            }
        });
        used.add(dialplan().globals().get("HOTLINE_CITY_QUEUE"));
        assertThat(used).hasSize(23).allMatch(defined::contains);
        for (ConfFile.Section q : queues.concreteSections()) {
            if (q.name().equals("general")) {
                continue;
            }
            assertThat(q.templates()).as(q.name()).containsExactly("greenribbon-tier");
            Map<String, String> s = queues.settings(q);
            assertThat(s).as(q.name()).containsEntry("strategy", "leastrecent").containsEntry("ringinuse", "no")
                    .containsEntry("autopause", "all").containsEntry("autopausebusy", "yes")
                    .containsEntry("autopauseunavail", "yes").containsEntry("wrapuptime", "0")
                    .containsEntry("timeoutpriority", "app").containsEntry("servicelevel", "20")
                    .containsEntry("setinterfacevar", "yes").containsEntry("setqueueentryvar", "yes")
                    .containsEntry("setqueuevar", "yes").containsEntry("announce-frequency", "0")
                    .containsEntry("membergosub", "hotline-queue-answered")
                    .containsEntry("periodic-announce-frequency", "0").containsEntry("announce-position", "no");
            assertThat(s.get("joinempty")).contains("paused", "unavailable", "invalid");
            assertThat(s.get("leavewhenempty")).contains("paused", "unavailable", "invalid");
            assertThat(q.entries()).as("no static members in " + q.name()).noneMatch(e -> e.key().equals("member"));
        }
        assertThat(queues.section("general").map(queues::settings).orElseThrow()).containsEntry("persistentmembers", "no");
    }

    @Test
    void theCounsellorsLegStampsItsAnswerIntoTheCallsCdrAndThePbxHasASystemName() {
        List<Dialplan.Step> answered = dialplan().find("hotline-queue-answered", "s").orElseThrow().steps();
        assertThat(answered).extracting(Dialplan.Step::app).containsExactly("Set", "Return");
        assertThat(answered.get(0).data()).isEqualTo("CDR(counsellor_answered)=${EPOCH}");
        ConfFile asterisk = conf("asterisk.conf");
        assertThat(asterisk.settings(asterisk.section("options").orElseThrow()))
                .containsEntry("systemname", "__PBX_SYSTEM_NAME__");
    }

    @Test
    void everyEndpointLandsInAContextOfTheDialplan() {
        ConfFile pjsip = conf("pjsip.conf");
        Dialplan plan = dialplan();
        List<String> contexts = pjsip.concreteSections().stream().map(pjsip::settings)
                .filter(s -> "endpoint".equals(s.get("type"))).map(s -> s.get("context")).toList();
        assertThat(contexts).contains("hotline-lines", "greenribbon-phones").allMatch(plan::hasContext);
    }

    @Test
    void theAmiUserHasLeastPrivilege() {
        ConfFile manager = conf("manager.conf");
        List<ConfFile.Section> users = manager.concreteSections().stream().filter(s -> !s.name().equals("general")).toList();
        assertThat(users).singleElement().extracting(ConfFile.Section::name).isEqualTo("greenribbon");
        ConfFile.Section user = users.get(0);
        Set<String> read = Set.of(user.get("read").orElseThrow().split("\\s*,\\s*"));
        Set<String> write = Set.of(user.get("write").orElseThrow().split("\\s*,\\s*"));
        assertThat(read).containsExactlyInAnyOrder("system", "call", "agent", "cdr").doesNotContain("dialplan", "all");
        assertThat(write).containsExactlyInAnyOrder("call", "agent", "originate", "reporting")
                .doesNotContain("system", "command", "config", "all");
        List<ConfFile.Entry> acl = user.entries().stream()
                .filter(e -> e.key().equals("deny") || e.key().equals("permit")).toList();
        assertThat(acl).extracting(ConfFile.Entry::key).startsWith("deny").contains("permit");
        assertThat(acl.get(0).value()).isEqualTo("0.0.0.0/0.0.0.0");
        Map<String, String> general = manager.settings(manager.section("general").orElseThrow());
        assertThat(general).containsEntry("webenabled", "no").containsEntry("timestampevents", "yes");
        assertThat(PeerConfig.classes(user.get("read").orElseThrow())).doesNotContain("dialplan");
    }

    @Test
    void noSecretIsReal() throws IOException {
        Pattern secretKey = Pattern.compile("(?i)^(secret|password|key)$");
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                for (ConfFile.Section s : ConfFile.read(p).sections()) {
                    for (ConfFile.Entry e : s.entries()) {
                        if (secretKey.matcher(e.key()).matches()) {
                            assertThat(e.value()).as("%s:%d %s", p, e.line(), e.key()).matches(PLACEHOLDER);
                            checked.add(p.getFileName() + ":" + e.key());
                        }
                    }
                }
            }
        }
        assertThat(checked).contains("manager.conf:secret", "pjsip.conf:password", "cdr_pgsql.conf:password");
    }

    @Test
    void onlyTheNeededModulesLoad() {
        ConfFile modules = conf("modules.conf");
        Map<String, String> settings = modules.settings(modules.section("modules").orElseThrow());
        assertThat(settings).containsEntry("autoload", "no");
        Set<String> loaded = loadedModules();
        assertThat(loaded).contains("chan_pjsip.so", "res_pjsip.so", "pbx_config.so", "app_queue.so", "res_agi.so",
                "cdr_pgsql.so", "cdr_manager.so", "res_musiconhold.so", "res_pjsip_diversion.so", "res_pjsip_caller_id.so");
        assertThat(loaded).noneMatch(m -> m.startsWith("app_system") || m.startsWith("res_ari") || m.startsWith("chan_sip")
                || m.startsWith("app_voicemail") || m.startsWith("res_http_websocket") || m.startsWith("pbx_lua"));
    }

    @Test
    void everyPromptIsListedAndCdrsGoToTheCdrTableInUtc() throws IOException {
        List<String> listed = Files.readAllLines(DIR.resolve("prompts.tsv")).stream().skip(1)
                .map(l -> l.split("\t")[0]).toList();
        dialplan().allSteps().stream().filter(s -> s.app().equals("Playback"))
                .forEach(s -> assertThat(listed).contains(s.data().split(",")[0]));
        assertThat(listed).contains("greenribbon/press-1-if-in-danger");
        Map<String, String> pgsql = conf("cdr_pgsql.conf").settings(conf("cdr_pgsql.conf").section("global").orElseThrow());
        assertThat(pgsql).containsEntry("table", "asterisk_cdr").containsEntry("user", "asterisk_cdr")
                .containsEntry("timezone", "UTC").containsEntry("encoding", "UTF8");
        assertThat(conf("cdr.conf").settings(conf("cdr.conf").section("general").orElseThrow())).containsEntry("batch", "no");
    }

    /**
     * The PBX's CDR file (cdr_custom) loads into asterisk_cdr with the README's \copy: its fields are, in
     * order, the columns that command names, and each is a column of the table.
     */
    @Test
    void theCdrFileHasTheColumnsTheReadmeLoadsItInto() throws IOException {
        assertThat(loadedModules()).contains("cdr_custom.so", "func_strings.so", "func_logic.so", "func_cdr.so");
        ConfFile custom = conf("cdr_custom.conf");
        String mapping = custom.settings(custom.section("mappings").orElseThrow()).get("greenribbon-cdr.csv");
        List<String> fields = new ArrayList<>();
        Matcher cdr = Pattern.compile("\\$\\{CDR\\(([a-z]+)").matcher(mapping);
        while (cdr.find()) {
            if (fields.isEmpty() || !fields.get(fields.size() - 1).equals(cdr.group(1))) {
                fields.add(cdr.group(1));
            }
        }
        assertThat(mapping.split(",(?![^(]*\\))", -1)).as("one field per CDR field").hasSize(fields.size());

        Matcher columnsLine = Pattern.compile("CDR_COLUMNS='([^']+)'").matcher(Files.readString(DIR.resolve("README.md")));
        assertThat(columnsLine.find()).isTrue();
        List<String> columns = List.of(columnsLine.group(1).replace("\"", "").split(",\\s*"));
        assertThat(fields.stream().map(f -> f.equals("start") ? "calldate" : f).toList()).isEqualTo(columns);

        String table = Files.readString(Path.of("src/main/resources/db/migration/V4_0__asterisk_cdr.sql"));
        table = table.substring(table.indexOf("CREATE TABLE asterisk_cdr"), table.indexOf(");", table.indexOf("CREATE TABLE asterisk_cdr")));
        for (String column : columns) {
            assertThat(table).as("column %s", column).containsPattern("\\n\\s+\"?" + column + "\"?\\s");
        }
    }

    @Test
    void theReadmeExplainsEveryPlaceholderASiteFillsIn() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"));
        Set<String> placeholders = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(p));
                while (m.find()) {
                    placeholders.add(m.group().replaceAll("_(counselor\\d|supervisor)__$", "_<extension>__"));
                }
            }
        }
        assertThat(placeholders).contains("__AMI_SECRET__", "__GREENRIBBON_AGI_HOST__", "__CDR_DB_PASSWORD__")
                .allSatisfy(p -> assertThat(readme).as(p).contains(p));
    }

    @Test
    void theCarrierIsNotQualifiedSoTheBackupLineNeverDependsOnItAnsweringOptions() {
        ConfFile pjsip = conf("pjsip.conf");
        List<Map<String, String>> trunkAors = new ArrayList<>();
        for (ConfFile.Section endpoint : pjsip.concreteSections()) {
            Map<String, String> e = pjsip.settings(endpoint);
            if ("endpoint".equals(e.get("type")) && "hotline-lines".equals(e.get("context"))) {
                Set<String> aors = Set.of(e.getOrDefault("aors", endpoint.name()).split("\\s*,\\s*"));
                pjsip.concreteSections().stream().filter(s -> aors.contains(s.name())).map(pjsip::settings)
                        .filter(s -> "aor".equals(s.get("type"))).forEach(trunkAors::add);
            }
        }
        assertThat(trunkAors).isNotEmpty().allSatisfy(aor -> assertThat(aor.getOrDefault("qualify_frequency", "0"))
                .as("a qualified carrier that does not answer OPTIONS takes the backup line down").isEqualTo("0"));
    }

    @Test
    void noCallerIsSentTheIdentityOfWhomThePbxCallsForThem() {
        List<String> checked = new ArrayList<>();
        for (Dialplan.Step step : dialplan().allSteps()) {
            if (!Set.of("hotline", "hotline-transfer", "hotline-callback").contains(step.context())) {
                continue;
            }
            List<String> args = arguments(step.data());
            String options = switch (step.app()) {
                case "Dial" -> args.size() > 2 ? args.get(2) : "";
                case "Queue" -> args.size() > 1 ? args.get(1) : "";
                default -> null;
            };
            if (options != null) {
                assertThat(options).as("%s at line %d: option I keeps connected-line updates from the caller", step.app(),
                        step.line()).contains("I");
                checked.add(step.app() + "@" + step.context());
            }
        }
        assertThat(checked).containsExactlyInAnyOrder("Dial@hotline", "Queue@hotline", "Queue@hotline", "Dial@hotline",
                "Dial@hotline-transfer", "Dial@hotline-callback");
    }

    @Test
    void aTierIsQueuedOnlyWhenAppQueueWouldLetTheCallerJoinItSoAnEmptyTierLogsNoWarning() {
        Dialplan plan = dialplan();
        List<Dialplan.Step> flow = plan.find("hotline", "s").orElseThrow().steps();
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < flow.size(); i++) {
            Dialplan.Step step = flow.get(i);
            if (step.app().equals("Queue")) {
                String queue = arguments(step.data()).get(0);
                assertThat(flow.get(i - 2).app() + "(" + flow.get(i - 2).data() + ")").as("line %d", step.line())
                        .isEqualTo("Gosub(hotline-tier-open,s,1(" + queue + "))");
                assertThat(flow.get(i - 1).app()).isEqualTo("GotoIf");
                assertThat(flow.get(i - 1).data()).startsWith("$[!${GOSUB_RETVAL}]?");
                queued.add(queue);
            }
        }
        assertThat(queued).containsExactly("${HOTLINE_TIER1_QUEUE}", "${HOTLINE_TIER2_QUEUE}");
        // The check is app_queue's joinempty: paused members, and phones that are unavailable, invalid or of
        // unknown state do not count; busy and ringing ones do. Penalty and wrap-up never apply here.
        ConfFile queues = conf("queues.conf");
        for (ConfFile.Section q : queues.concreteSections()) {
            if (!q.name().equals("general")) {
                Map<String, String> tier = queues.settings(q);
                assertThat(Set.of(tier.get("joinempty").split("\\s*,\\s*"))).as(q.name())
                        .containsExactlyInAnyOrder("paused", "penalty", "unavailable", "invalid", "unknown", "wrapup");
                assertThat(tier).as(q.name()).containsEntry("wrapuptime", "0");
            }
        }
        assertThat(plan.allSteps()).noneMatch(s -> s.data().contains("QUEUE_MAX_PENALTY") || s.data().contains("QUEUE_MIN_PENALTY"));
        String check = plan.find("hotline-tier-open", "s").orElseThrow().steps().stream()
                .map(s -> s.app() + "(" + s.data() + ")").collect(Collectors.joining("\n"));
        assertThat(check).contains("QUEUE_MEMBER_LIST(${ARG1})", "QUEUE_MEMBER(${ARG1},paused,${member})",
                "DEVICE_STATE(${member})", "\"UNAVAILABLE\"", "\"INVALID\"", "\"UNKNOWN\"", "Return(1)",
                "Set(QUEUESTATUS=JOINEMPTY)", "Return(0)").doesNotContain("INUSE", "RINGING", "BUSY");
    }

    @Test
    void everySoundTheDialplanPlaysIsListedToBeRecorded() throws IOException {
        List<String> listed = Files.readAllLines(DIR.resolve("prompts.tsv")).stream().skip(1)
                .map(l -> l.split("\t")[0]).toList();
        Dialplan plan = dialplan();
        Set<String> played = new LinkedHashSet<>();
        for (Dialplan.Step step : plan.allSteps()) {
            played.addAll(soundsPlayed(plan, step.app(), step.data()));
        }
        assertThat(played).contains("greenribbon/confidentiality", "greenribbon/risk-case-number", "digits/0", "digits/9");
        assertThat(listed).containsAll(played);
    }

    /** The sound files an application plays, given its data; an application that plays others fails the test. */
    private static List<String> soundsPlayed(Dialplan plan, String app, String data) {
        List<String> args = arguments(data);
        return switch (app) {
            case "Playback" -> Stream.of(args.get(0).split("&")).flatMap(f -> values(plan, f.strip()).stream()).toList();
            // The case number: the service pages with the case's numeric id (digits/0 … digits/9).
            case "SayDigits" -> java.util.stream.IntStream.rangeClosed(0, 9).mapToObj(d -> "digits/" + d).toList();
            case "ExecIf" -> {
                String branches = data.substring(data.indexOf('?') + 1);
                List<String> out = new ArrayList<>();
                for (String branch : branches.split(":(?![^(]*\\))")) {
                    int open = branch.indexOf('(');
                    if (open > 0) {
                        out.addAll(soundsPlayed(plan, branch.substring(0, open), branch.substring(open + 1, branch.lastIndexOf(')'))));
                    }
                }
                yield out;
            }
            case "ChanSpy" -> {
                assertThat(args.get(1)).as("ChanSpy without q beeps and says the channel").contains("q");
                yield List.of();
            }
            case "Dial", "Queue" -> {
                String options = app.equals("Dial") ? (args.size() > 2 ? args.get(2) : "") : (args.size() > 1 ? args.get(1) : "");
                assertThat(options).as("%s options that play sounds (m, r, A(), ...) are not listed", app).matches("I?");
                yield List.of();
            }
            case "Background", "Read", "SayNumber", "SayAlpha", "SayPhonetic", "SayUnixTime", "Record", "ControlPlayback",
                 "Directory", "VoiceMail" -> throw new AssertionError(app + " plays sounds this test does not know");
            default -> List.of();
        };
    }

    /** The values a dialplan expression for a file can take: the literal, a global, or what Set() gives the variable. */
    private static List<String> values(Dialplan plan, String text) {
        Matcher var = Pattern.compile("^\\$\\{([A-Z_0-9]+)}$").matcher(text);
        if (!var.matches()) {
            return List.of(text);
        }
        String name = var.group(1);
        if (plan.globals().containsKey(name)) {
            return values(plan, plan.globals().get(name));
        }
        Matcher set = Pattern.compile("Set\\(_{0,2}" + name + "=([^)]*)\\)").matcher("");
        List<String> out = new ArrayList<>();
        for (Dialplan.Step step : plan.allSteps()) {
            set.reset(step.app() + "(" + step.data() + ")");
            while (set.find()) {
                out.addAll(values(plan, set.group(1)));
            }
        }
        assertThat(out).as("where %s comes from", name).isNotEmpty();
        return out;
    }

    @Test
    void theCarrierAndTheCdrDatabaseAreAddressedOnlyThroughPlaceholders() {
        ConfFile pjsip = conf("pjsip.conf");
        List<String> contacts = pjsip.concreteSections().stream().map(pjsip::settings).filter(s -> s.containsKey("contact"))
                .map(s -> s.get("contact")).toList();
        assertThat(contacts).isNotEmpty().allSatisfy(c -> assertThat(c).matches("sip:" + PLACEHOLDER + ":" + PLACEHOLDER));
        Map<String, String> pgsql = conf("cdr_pgsql.conf").settings(conf("cdr_pgsql.conf").section("global").orElseThrow());
        assertThat(pgsql.get("hostname")).matches(PLACEHOLDER);
        assertThat(pgsql.get("port")).matches(PLACEHOLDER);
    }

    @Test
    void sitesAreToldThatADialplanReloadSetsTheFilesGlobalsAgain() throws IOException {
        // pbx_config sets every [globals] entry again on each reload; clearglobalvars = no keeps only the others.
        ConfFile extensions = conf("extensions.conf");
        assertThat(extensions.settings(extensions.section("general").orElseThrow())).containsEntry("clearglobalvars", "no");
        assertThat(Files.readString(DIR.resolve("README.md")))
                .contains("A reload sets every global the file defines back to\nthe file's value");
    }

    /** Application arguments split at the commas outside parentheses, braces and brackets. */
    private static List<String> arguments(String data) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(data.substring(start, i));
                start = i + 1;
            }
        }
        out.add(data.substring(start));
        return out;
    }

    private static Set<String> loadedModules() {
        ConfFile modules = conf("modules.conf");
        return modules.section("modules").orElseThrow().all("load").stream().map(String::strip).collect(Collectors.toSet());
    }
}
