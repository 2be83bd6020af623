package io.greenribbon.telephony.peer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** The AMI actions the peer answers, with manager.c's and app_queue's responses (transcripts 01, 02, 07a). */
final class AmiActions {

    /** The write classes an action needs (any one of them); absent: none needed once logged in. */
    private static final Map<String, Set<String>> AUTHORITY = Map.ofEntries(
            Map.entry("coresettings", Set.of("system", "reporting")),
            Map.entry("corestatus", Set.of("system", "reporting")),
            Map.entry("coreshowchannels", Set.of("system", "reporting")),
            Map.entry("queueadd", Set.of("agent")),
            Map.entry("queueremove", Set.of("agent")),
            Map.entry("queuepause", Set.of("agent")),
            Map.entry("queuepenalty", Set.of("agent")),
            Map.entry("originate", Set.of("originate")),
            Map.entry("redirect", Set.of("call")),
            Map.entry("blindtransfer", Set.of("call")),
            Map.entry("setvar", Set.of("call")),
            Map.entry("getvar", Set.of("call", "reporting")),
            Map.entry("hangup", Set.of("system", "call")));
    private static final Set<String> NO_AUTHORITY = Set.of("login", "logoff", "challenge", "ping", "queuestatus",
            "queuesummary", "events");

    private final AmiSession s;
    private final PbxCore core;

    AmiActions(AmiSession session) {
        this.s = session;
        this.core = session.core;
    }

    void handle(String name, AmiMessage a) {
        String action = name.toLowerCase(Locale.ROOT);
        if (!s.authenticated && !Set.of("login", "logoff", "challenge").contains(action)) {
            s.send(error(a, "Permission denied"));
            s.security("RequestNotAllowed", "Error", 1, "", "RequestType", "Action: " + name, "SessionTV", s.sessionTv());
            return;
        }
        if (!NO_AUTHORITY.contains(action) && !AUTHORITY.containsKey(action)) {
            s.send(error(a, "Invalid/unknown command: " + name + ". Use Action: ListCommands to show available commands."));
            s.security("RequestBadFormat", "Error", 1, null, "RequestType", "Action: " + name,
                    "SessionTV", s.sessionTv(), "AccountID", s.user.name());
            return;
        }
        Set<String> needed = AUTHORITY.get(action);
        if (needed != null && needed.stream().noneMatch(s.user.write()::contains)) {
            s.send(error(a, "Permission denied"));
            s.security("RequestNotAllowed", "Error", 1, s.user.name(), "RequestType", "Action: " + name,
                    "SessionTV", s.sessionTv());
            return;
        }
        switch (action) {
            case "login" -> login(a);
            case "logoff" -> {
                s.send(AmiMessage.response("Goodbye", a).add("Message", "Thanks for all the fish."));
                s.close();
            }
            case "challenge" -> {
                s.challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                s.send(AmiMessage.response("Success", a).add("Challenge", s.challenge));
            }
            case "ping" -> s.send(AmiMessage.response("Success", a).add("Ping", "Pong")
                    .add("Timestamp", PbxClock.timestamp(core.clock.nowMicros())));
            case "events" -> {
                s.events(a.require("EventMask"), s.user.read());
                s.send(AmiMessage.response("Success", a).add("Events", s.events.isEmpty() ? "Off" : "On"));
            }
            case "coresettings" -> coreSettings(a);
            case "corestatus" -> coreStatus(a);
            case "setvar" -> setvar(a);
            case "getvar" -> getvar(a);
            case "coreshowchannels" -> CallActions.coreShowChannels(s, a);
            case "originate" -> Originates.originate(s, a);
            case "redirect" -> CallActions.redirect(s, a);
            case "blindtransfer" -> CallActions.blindTransfer(s, a);
            case "hangup" -> CallActions.hangup(s, a);
            default -> QueueActions.handle(s, action, a);
        }
    }

    static AmiMessage error(AmiMessage a, String message) {
        return AmiMessage.response("Error", a).add("Message", message);
    }

    private void login(AmiMessage a) {
        if (s.authenticated) {
            s.send(AmiMessage.response("Success", a).add("Message", "Already authenticated"));
            return;
        }
        String username = a.require("Username");
        PeerConfig.AmiUser user = core.config.amiUsers().get(username);
        if (user == null) {
            s.security("InvalidAccountID", "Error", 1, username, "SessionTV", s.sessionTv());
            s.failLater(error(a, "Authentication failed"));
            return;
        }
        if (!user.permits(s.remoteAddress())) {
            s.security("FailedACL", "Error", 1, username, "ACLName", "Manager User ACL", "SessionTV", s.sessionTv());
            s.failLater(error(a, "Authentication failed"));
            return;
        }
        boolean ok;
        if ("md5".equalsIgnoreCase(a.require("AuthType"))) {
            ok = s.challenge != null && md5(s.challenge + user.secret()).equalsIgnoreCase(a.require("Key"));
        } else {
            ok = user.secret().equals(a.require("Secret"));
        }
        if (!ok) {
            s.security("InvalidPassword", "Error", 2, username, "SessionTV", "1970-01-01T00:00:00.000+0000");
            s.failLater(error(a, "Authentication failed"));
            return;
        }
        s.user = user;
        s.authenticated = true;
        s.events(a.get("Events").orElse(null), user.read());
        s.send(AmiMessage.response("Success", a).add("Message", "Authentication accepted"));
        if (core.fullyBooted && s.events.contains("system")) {
            s.deliverDirect(new AmiMessage().add("Event", "FullyBooted").add("Privilege", "system,all")
                    .add("Uptime", core.clock.epochSeconds() - core.startedMicros / 1_000_000L)
                    .add("LastReload", core.clock.epochSeconds() - core.reloadedMicros / 1_000_000L)
                    .add("Status", "Fully Booted"));
        }
        s.security("SuccessfulAuth", "Informational", 1, username, "UsingPassword", "0", "SessionTV", s.sessionTv());
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void coreSettings(AmiMessage a) {
        s.send(AmiMessage.response("Success", a)
                .add("AMIversion", "11.0.0")
                .add("AsteriskVersion", FastAgiClient.VERSION)
                .add("SystemName", core.config.systemName())
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "Yes")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
    }

    private void coreStatus(AmiMessage a) {
        ZoneId zone = core.cdrZone;
        Instant started = Instant.ofEpochSecond(core.startedMicros / 1_000_000L);
        Instant reloaded = Instant.ofEpochSecond(core.reloadedMicros / 1_000_000L);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss");
        s.send(AmiMessage.response("Success", a)
                .add("CoreStartupDate", DateTimeFormatter.ISO_LOCAL_DATE.format(started.atZone(zone)))
                .add("CoreStartupTime", time.format(started.atZone(zone)))
                .add("CoreReloadDate", DateTimeFormatter.ISO_LOCAL_DATE.format(reloaded.atZone(zone)))
                .add("CoreReloadTime", time.format(reloaded.atZone(zone)))
                .add("CoreCurrentCalls", core.channels.size())
                .add("CoreProcessedCalls", core.processedCalls));
    }

    private void setvar(AmiMessage a) {
        String variable = a.require("Variable");
        String value = a.require("Value");
        String channel = a.get("Channel").orElse("");
        if (variable.isEmpty()) {
            s.send(error(a, "No variable specified"));
            return;
        }
        if (channel.isEmpty()) {
            s.send(AmiMessage.response("Success", a).add("Message", "Variable Set"));
            core.globals.put(variable, value);
            core.varSet(null, variable, value);
            return;
        }
        PeerChannel c = core.channels.get(channel);
        if (c == null) {
            s.send(error(a, "No such channel"));
            return;
        }
        s.send(AmiMessage.response("Success", a).add("Message", "Variable Set"));
        core.setVariable(c, variable, value);
    }

    private void getvar(AmiMessage a) {
        String variable = a.require("Variable");
        String channel = a.get("Channel").orElse("");
        String value;
        if (channel.isEmpty()) {
            value = core.globals.getOrDefault(variable, "");
        } else {
            PeerChannel c = core.channels.get(channel);
            if (c == null) {
                s.send(error(a, "No such channel"));
                return;
            }
            value = new ChannelScope(core, c).variable(variable);
        }
        s.send(AmiMessage.response("Success", a).add("Variable", variable).add("Value", value == null ? "" : value));
    }
}
