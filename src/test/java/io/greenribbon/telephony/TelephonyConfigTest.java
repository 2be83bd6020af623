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
            Map.entry("Wait", ""), Map.entry("SayDigits", ""), Map.entry("ChanSpy", "app_chanspy.so"));

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
                    "manager.conf", "queues.conf", "modules.conf", "cdr_pgsql.conf", "cdr.conf", "cdr_manager.conf");
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
        assertThat(checked).contains("hotline,s,1", "tier1", "backup", "hotline,s,tier2", "imminent", "number");
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
                    .containsEntry("periodic-announce-frequency", "0").containsEntry("announce-position", "no");
            assertThat(s.get("joinempty")).contains("paused", "unavailable", "invalid");
            assertThat(s.get("leavewhenempty")).contains("paused", "unavailable", "invalid");
            assertThat(q.entries()).as("no static members in " + q.name()).noneMatch(e -> e.key().equals("member"));
        }
        assertThat(queues.section("general").map(queues::settings).orElseThrow()).containsEntry("persistentmembers", "no");
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

    private static Set<String> loadedModules() {
        ConfFile modules = conf("modules.conf");
        return modules.section("modules").orElseThrow().all("load").stream().map(String::strip).collect(Collectors.toSet());
    }
}
