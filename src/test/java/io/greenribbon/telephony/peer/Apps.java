package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The dialplan applications the peer runs, by lower-case name. */
final class Apps {

    private Apps() {
    }

    static Map<String, DialplanRunner.App> all() {
        Map<String, DialplanRunner.App> apps = new HashMap<>();
        apps.put("noop", (r, c, data) -> Outcome.NEXT);
        apps.put("verbose", (r, c, data) -> Outcome.NEXT);
        apps.put("answer", Apps::answer);
        apps.put("playback", Apps::playback);
        apps.put("set", Apps::set);
        apps.put("mset", Apps::mset);
        apps.put("execif", Apps::execIf);
        apps.put("gotoif", Apps::gotoIf);
        apps.put("goto", (r, c, data) -> r.goTo(data));
        apps.put("hangup", Apps::hangup);
        apps.put("wait", (r, c, data) -> r.pause((long) (Double.parseDouble(data.strip()) * 1_000_000)) ? Outcome.NEXT
                : r.interrupted());
        apps.put("agi", (r, c, data) -> AgiApp.run(r, c, data));
        apps.put("dial", (r, c, data) -> DialApp.run(r, c, data));
        apps.put("queue", (r, c, data) -> QueueApp.run(r, c, data));
        apps.put("gosub", GosubApps::gosub);
        apps.put("return", GosubApps::gosubReturn);
        apps.put("saydigits", SpyApps::sayDigits);
        apps.put("chanspy", SpyApps::chanSpy);
        return apps;
    }

    static Outcome answer(DialplanRunner r, PeerChannel c, String data) {
        if (!c.up()) {
            answerChannel(r.core, c);
            // Asterisk waits up to 500 ms for the first media frame after answering (transcripts 03, 09).
            if (!r.pause(500_000)) {
                return r.interrupted();
            }
        }
        return Outcome.NEXT;
    }

    static void answerChannel(PbxCore core, PeerChannel c) {
        core.setState(c, PeerChannel.UP);
        c.answeredMicros = core.clock.nowMicros();
        core.cdr.answered(c, c.answeredMicros);
        Endpoint e = core.endpoints.get(c.endpoint);
        if (e != null && !c.countedAsCall) {
            c.countedAsCall = true;
            e.calls++;
            core.endpointChanged(e);
        }
    }

    static Outcome playback(DialplanRunner r, PeerChannel c, String data) {
        String files = data.split(",")[0];
        for (String file : files.split("&")) {
            Optional<Duration> length = r.core.config.sound(file.strip());
            if (length.isEmpty()) {
                r.core.setVariable(c, "PLAYBACKSTATUS", "FAILED");
                return Outcome.NEXT;
            }
            AgiMedia.heard(c, file.strip());
            if (!r.pause(length.get().toNanos() / 1000)) {
                return r.interrupted();
            }
        }
        r.core.setVariable(c, "PLAYBACKSTATUS", "SUCCESS");
        return Outcome.NEXT;
    }

    static Outcome set(DialplanRunner r, PeerChannel c, String data) {
        int eq = data.indexOf('=');
        if (eq <= 0) {
            throw new IllegalStateException("Set() without name=value: " + data);
        }
        String name = data.substring(0, eq).strip();
        String value = data.substring(eq + 1);
        if (name.contains("(")) {
            setFunction(r.core, c, name, value);
        } else {
            r.core.setVariable(c, name, value);
        }
        return Outcome.NEXT;
    }

    /** MSet(name1=value1,name2=value2,...): several variables at once (no quoting, values without commas). */
    static Outcome mset(DialplanRunner r, PeerChannel c, String data) {
        for (String pair : data.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                r.core.setVariable(c, pair.substring(0, eq).strip(), pair.substring(eq + 1));
            }
        }
        return Outcome.NEXT;
    }

    static void setFunction(PbxCore core, PeerChannel c, String function, String value) {
        String f = function.replace(" ", "").toUpperCase();
        switch (f) {
            case "CALLERID(NUM)", "CALLERID(NUMBER)" -> c.callerNum = value;
            case "CALLERID(NAME)" -> c.callerName = value;
            case "CALLERID(ALL)" -> {
                String[] parsed = parseCallerId(value);
                c.callerName = parsed[0];
                c.callerNum = parsed[1];
            }
            case "CDR(USERFIELD)" -> {
                core.cdr.userfield(c, value);
                return;
            }
            case "CDR" -> throw new IllegalStateException("CDR() needs a name");
            case "GLOBAL" -> throw new IllegalStateException("GLOBAL() needs a name");
            default -> {
                if (f.startsWith("LOCAL(")) {
                    GosubApps.setLocal(core, c, function.substring(function.indexOf('(') + 1, function.length() - 1).strip(),
                            value);
                    return;
                }
                if (f.startsWith("CDR(")) {
                    core.cdr.variable(c, function.substring(function.indexOf('(') + 1, function.lastIndexOf(')')).strip(),
                            value);
                    return;
                }
                if (f.startsWith("GLOBAL(")) {
                    String name = function.substring(function.indexOf('(') + 1, function.length() - 1);
                    core.globals.put(name, value);
                    core.varSet(null, name, value);
                    return;
                }
                throw new IllegalStateException("The peer cannot set " + function);
            }
        }
        newCallerid(core, c);
    }

    static void newCallerid(PbxCore core, PeerChannel c) {
        AmiMessage m = AmiMessage.event("NewCallerid");
        c.block(m, "");
        core.emit(m.add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"), "call");
    }

    /** {@code "name" <number>} (or a bare number) as {name, number}. */
    static String[] parseCallerId(String value) {
        String v = value.strip();
        int lt = v.lastIndexOf('<');
        if (lt >= 0 && v.endsWith(">")) {
            String name = v.substring(0, lt).strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1);
            }
            return new String[]{name, v.substring(lt + 1, v.length() - 1)};
        }
        return new String[]{"", v};
    }

    static Outcome execIf(DialplanRunner r, PeerChannel c, String data) {
        int q = data.indexOf('?');
        if (q < 0) {
            throw new IllegalStateException("ExecIf() without ?: " + data);
        }
        String[] branches = splitTopLevel(data.substring(q + 1), ':');
        String chosen = Expr.truthy(data.substring(0, q).strip()) ? branches[0] : branches.length > 1 ? branches[1] : "";
        if (chosen.isBlank()) {
            return Outcome.NEXT;
        }
        int open = chosen.indexOf('(');
        String app = open < 0 ? chosen.strip() : chosen.substring(0, open).strip();
        String args = open < 0 ? "" : chosen.substring(open + 1, chosen.lastIndexOf(')'));
        Outcome outcome = r.runApp(app, args);
        return outcome == Outcome.JUMPED ? Outcome.JUMPED : outcome;
    }

    static Outcome gotoIf(DialplanRunner r, PeerChannel c, String data) {
        int q = data.indexOf('?');
        String[] branches = data.substring(q + 1).split(":", 2);
        String chosen = Expr.truthy(data.substring(0, q).strip()) ? branches[0] : branches.length > 1 ? branches[1] : "";
        return chosen.isBlank() ? Outcome.NEXT : r.goTo(chosen.strip());
    }

    static Outcome hangup(DialplanRunner r, PeerChannel c, String data) {
        c.hangupCause = data.isBlank() ? 16 : Integer.parseInt(data.strip());
        return Outcome.HANGUP;
    }

    /**
     * The options of Dial() or Queue(), of which the peer honours {@code I} (ignore connected line updates:
     * the caller is not told who is rung or who answered): whether {@code I} was given. Any other option is
     * refused, as the peer does not run it.
     */
    static boolean ignoresConnectedLine(String app, String options) {
        for (char o : options.strip().toCharArray()) {
            if (o != 'I') {
                throw new IllegalStateException("The peer does not implement " + app + "() option " + o);
            }
        }
        return options.contains("I");
    }

    /** Splits at a separator outside parentheses. */
    static String[] splitTopLevel(String s, char separator) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == separator && depth == 0) {
                return new String[]{s.substring(0, i), s.substring(i + 1)};
            }
        }
        return new String[]{s};
    }
}
