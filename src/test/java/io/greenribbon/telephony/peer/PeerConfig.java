package io.greenribbon.telephony.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The peer's configuration, read from the same files a real Asterisk reads: extensions.conf (the
 * dialplan it runs), queues.conf, manager.conf (AMI users and their rights), pjsip.conf (endpoints) and
 * asterisk.conf (its systemname), with the site's placeholder values filled in.
 */
public final class PeerConfig {

    /** An AMI user of manager.conf. */
    public record AmiUser(String name, String secret, Set<String> read, Set<String> write, List<Acl> acl) {
        /** Whether manager.conf's permit/deny lets {@code address} log in as this user. */
        public boolean permits(byte[] address) {
            boolean allowed = true;
            for (Acl rule : acl) {
                if (rule.matches(address)) {
                    allowed = rule.permit();
                }
            }
            return allowed;
        }
    }

    /** One permit or deny line (address/mask); the last matching line wins, as in Asterisk's ACLs. */
    public record Acl(boolean permit, byte[] network, byte[] mask) {
        static Acl parse(boolean permit, String value) {
            String[] parts = value.strip().split("/");
            byte[] net = ipv4(parts[0]);
            byte[] mask;
            if (parts.length == 1) {
                mask = new byte[]{-1, -1, -1, -1};
            } else if (parts[1].contains(".")) {
                mask = ipv4(parts[1]);
            } else {
                int bits = Integer.parseInt(parts[1]);
                long m = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
                mask = new byte[]{(byte) (m >>> 24), (byte) (m >>> 16), (byte) (m >>> 8), (byte) m};
            }
            return new Acl(permit, net, mask);
        }

        boolean matches(byte[] address) {
            if (address.length != 4) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if ((address[i] & mask[i]) != (network[i] & mask[i])) {
                    return false;
                }
            }
            return true;
        }

        static byte[] ipv4(String dotted) {
            String[] octets = dotted.strip().split("\\.");
            if (octets.length != 4) {
                throw new IllegalArgumentException("Not an IPv4 address: " + dotted);
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                out[i] = (byte) Integer.parseInt(octets[i]);
            }
            return out;
        }
    }

    /** The AMI privilege classes Asterisk knows. */
    public static final Set<String> CLASSES = Set.of("system", "call", "log", "verbose", "command", "agent", "user",
            "config", "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security",
            "message");

    private final Dialplan dialplan;
    private final ConfFile queuesConf;
    private final ConfFile pjsipConf;
    private final Map<String, AmiUser> amiUsers;
    private final Map<String, Duration> sounds;
    private final boolean phonesRegistered;
    private final Optional<ConfFile.Section> modules;
    private final boolean cdrEndsBeforeHExten;
    private final String systemName;

    private PeerConfig(Dialplan dialplan, ConfFile queuesConf, ConfFile pjsipConf, Map<String, AmiUser> amiUsers,
                       Map<String, Duration> sounds, boolean phonesRegistered, Optional<ConfFile.Section> modules,
                       boolean cdrEndsBeforeHExten, String systemName) {
        this.modules = modules;
        this.cdrEndsBeforeHExten = cdrEndsBeforeHExten;
        this.systemName = systemName;
        this.dialplan = dialplan;
        this.queuesConf = queuesConf;
        this.pjsipConf = pjsipConf;
        this.amiUsers = amiUsers;
        this.sounds = sounds;
        this.phonesRegistered = phonesRegistered;
    }

    /**
     * Reads a configuration directory.
     *
     * @param siteValues       placeholder ({@code __NAME__}) to value, as a site fills them in
     * @param sounds           the sound files that exist, with their lengths
     * @param phonesRegistered whether phones without a static contact count as registered
     */
    public static PeerConfig read(Path dir, Map<String, String> siteValues, Map<String, Duration> sounds,
                                  boolean phonesRegistered) {
        return read(dir, null, siteValues, sounds, phonesRegistered);
    }

    /**
     * Reads a configuration directory, with the files of {@code extraDir} (if any) appended to the
     * same-named files: contexts and endpoints a test adds to the real configuration.
     */
    public static PeerConfig read(Path dir, Path extraDir, Map<String, String> siteValues, Map<String, Duration> sounds,
                                  boolean phonesRegistered) {
        UnaryOperator<String> fill = text -> {
            String out = text;
            for (Map.Entry<String, String> e : siteValues.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            return out;
        };
        java.util.function.Function<String, ConfFile> load = name -> {
            String text = readText(dir.resolve(name));
            if (extraDir != null && Files.isRegularFile(extraDir.resolve(name))) {
                text = text + "\n" + readText(extraDir.resolve(name));
            }
            return ConfFile.parse(name, fill.apply(text));
        };
        Dialplan dialplan = Dialplan.of(load.apply("extensions.conf"));
        ConfFile queues = load.apply("queues.conf");
        ConfFile pjsip = load.apply("pjsip.conf");
        ConfFile manager = load.apply("manager.conf");
        Map<String, AmiUser> users = new LinkedHashMap<>();
        for (ConfFile.Section s : manager.concreteSections()) {
            if (s.name().equals("general")) {
                continue;
            }
            List<Acl> acl = new ArrayList<>();
            for (ConfFile.Entry e : manager.resolved(s)) {
                if (e.key().equalsIgnoreCase("permit") || e.key().equalsIgnoreCase("deny")) {
                    acl.add(Acl.parse(e.key().equalsIgnoreCase("permit"), e.value()));
                }
            }
            Map<String, String> settings = manager.settings(s);
            users.put(s.name(), new AmiUser(s.name(), settings.getOrDefault("secret", ""),
                    classes(settings.getOrDefault("read", "")), classes(settings.getOrDefault("write", "")), acl));
        }
        if (!Files.isRegularFile(dir.resolve("extensions.conf"))) {
            throw new IllegalArgumentException("No extensions.conf in " + dir);
        }
        Optional<ConfFile.Section> modules = Files.isRegularFile(dir.resolve("modules.conf"))
                ? load.apply("modules.conf").concreteSections().stream().filter(x -> x.name().equals("modules")).findFirst()
                : Optional.empty();
        // cdr.c's default: a call's CDR ends before the h extension runs.
        boolean endBeforeH = !Files.isRegularFile(dir.resolve("cdr.conf")) || load.apply("cdr.conf").concreteSections()
                .stream().filter(x -> x.name().equals("general")).findFirst().flatMap(x -> x.get("endbeforehexten"))
                .map(PeerQueue::yes).orElse(true);
        String systemName = "";
        if (Files.isRegularFile(dir.resolve("asterisk.conf"))) {
            ConfFile asterisk = load.apply("asterisk.conf");
            systemName = asterisk.section("options").map(asterisk::settings)
                    .map(o -> o.getOrDefault("systemname", "")).orElse("").strip();
        }
        return new PeerConfig(dialplan, queues, pjsip, users, sounds, phonesRegistered, modules, endBeforeH,
                systemName);
    }

    /**
     * Whether Asterisk loads a module: every module without a modules.conf (or with {@code autoload = yes},
     * unless listed with {@code noload}), else only those listed with {@code load}.
     */
    boolean loads(String module) {
        if (modules.isEmpty()) {
            return true;
        }
        ConfFile.Section m = modules.get();
        boolean autoload = m.get("autoload").map(PeerQueue::yes).orElse(true);
        return autoload ? !m.all("noload").contains(module) : m.all("load").contains(module);
    }

    /**
     * cdr.conf's {@code endbeforehexten}: when no, the h extension's applications are part of the call's
     * CDRs (a call whose last bridge ended gets one more record for them).
     */
    boolean cdrEndsBeforeHExten() {
        return cdrEndsBeforeHExten;
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A read/write value of manager.conf as classes; {@code all} means every class. */
    public static Set<String> classes(String value) {
        Set<String> out = Arrays.stream(value.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (out.contains("all")) {
            return CLASSES;
        }
        return out;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public Map<String, AmiUser> amiUsers() {
        return amiUsers;
    }

    /**
     * asterisk.conf's systemname, empty when unset: the prefix of every Uniqueid ({@code sjz-1796647500.35})
     * and the {@code SystemName} header of every event.
     */
    public String systemName() {
        return systemName;
    }

    Optional<Duration> sound(String file) {
        return Optional.ofNullable(sounds.get(file));
    }

    /** Fresh queue objects (a restarted PBX has no members). */
    List<PeerQueue> queues() {
        List<PeerQueue> out = new ArrayList<>();
        for (ConfFile.Section s : queuesConf.concreteSections()) {
            if (!s.name().equals("general")) {
                out.add(new PeerQueue(s.name(), queuesConf.settings(s)));
            }
        }
        return out;
    }

    /**
     * Fresh endpoint objects from pjsip.conf: type=endpoint sections, with a contact when their AOR has a static
     * one or they register, and their AOR's qualify_frequency.
     */
    List<Endpoint> endpoints() {
        Map<String, Map<String, String>> aors = new LinkedHashMap<>();
        List<Endpoint> out = new ArrayList<>();
        for (ConfFile.Section s : pjsipConf.concreteSections()) {
            Map<String, String> settings = pjsipConf.settings(s);
            if ("aor".equals(settings.get("type"))) {
                aors.put(s.name(), settings);
            }
        }
        for (ConfFile.Section s : pjsipConf.concreteSections()) {
            Map<String, String> settings = pjsipConf.settings(s);
            if (!"endpoint".equals(settings.get("type"))) {
                continue;
            }
            Map<String, String> aor = aors.getOrDefault(settings.getOrDefault("aors", s.name()), Map.of());
            boolean staticContact = aor.containsKey("contact");
            boolean registers = !staticContact && Integer.parseInt(aor.getOrDefault("max_contacts", "0")) > 0;
            out.add(new Endpoint(s.name(), settings.getOrDefault("context", "default"),
                    settings.getOrDefault("language", "en"),
                    Integer.parseInt(settings.getOrDefault("device_state_busy_at", "0")),
                    staticContact || (registers && phonesRegistered),
                    Integer.parseInt(aor.getOrDefault("qualify_frequency", "0").strip())));
        }
        return out;
    }

    /** Endpoints with a static contact: reported as PeerStatus Reachable at boot. */
    List<String> staticContactEndpoints() {
        Map<String, Map<String, String>> aors = new LinkedHashMap<>();
        for (ConfFile.Section s : pjsipConf.concreteSections()) {
            Map<String, String> settings = pjsipConf.settings(s);
            if ("aor".equals(settings.get("type")) && settings.containsKey("contact")) {
                aors.put(s.name(), settings);
            }
        }
        return aors.keySet().stream().sorted().toList();
    }
}
