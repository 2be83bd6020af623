package io.greenribbon.telephony.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The AGI commands the peer answers, with res_agi's replies (transcripts 03, 04, 07, 09): 200 results,
 * 510 for an unknown command, 511 on a dead channel, and 520 with usage for wrong arguments.
 */
final class AgiCommands {

    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine\n";
    private static final Set<String> ALLOWED_DEAD = Set.of("GET VARIABLE", "GET FULL VARIABLE", "SET VARIABLE",
            "EXEC", "VERBOSE", "NOOP", "DATABASE GET", "DATABASE PUT", "DATABASE DEL", "DATABASE DELTREE",
            "ASYNCAGI BREAK");
    private static final List<String> COMMANDS = List.of("GET FULL VARIABLE", "GET VARIABLE", "SET VARIABLE",
            "GET DATA", "WAIT FOR DIGIT", "STREAM FILE", "CHANNEL STATUS", "DATABASE PUT", "DATABASE GET",
            "DATABASE DEL", "DATABASE DELTREE", "SAY DIGITS", "SET CALLERID", "SET MUSIC", "SET AUTOHANGUP",
            "ASYNCAGI BREAK", "RECEIVE CHAR", "SET CONTEXT", "SET EXTENSION", "SET PRIORITY", "ANSWER", "HANGUP",
            "EXEC", "NOOP", "VERBOSE");
    private static final Map<String, String> USAGE = Map.of(
            "SET VARIABLE", "Sets a variable to the current channel.",
            "GET DATA", "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
                    + "Returns the digits received from the channel at the other end.",
            "GET VARIABLE", "Returns <literal>0</literal> if <replaceable>variablename</replaceable> is not set.",
            "STREAM FILE", "Send the given file, allowing playback to be interrupted by the given digits, if any.",
            "WAIT FOR DIGIT", "Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive"
                    + " a DTMF digit.",
            "EXEC", "Executes <replaceable>application</replaceable> with given <replaceable>options</replaceable>.",
            "DATABASE PUT", "Adds or updates an entry in the Asterisk database for a given"
                    + " <replaceable>family</replaceable>, <replaceable>key</replaceable>, and"
                    + " <replaceable>value</replaceable>.",
            "DATABASE GET", "Retrieves an entry in the Asterisk database for a given"
                    + " <replaceable>family</replaceable> and <replaceable>key</replaceable>.");

    private final FastAgiClient client;
    private final PbxCore core;
    private final PeerChannel c;

    AgiCommands(FastAgiClient client) {
        this.client = client;
        this.core = client.core;
        this.c = client.channel;
    }

    /** Runs one command line (lock held) and returns the complete reply, LF-terminated. */
    String execute(String line) {
        List<String> argv = parse(line);
        String command = COMMANDS.stream().filter(cmd -> startsWith(argv, cmd)).findFirst().orElse(null);
        String commandId = String.valueOf(ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
        exec("AGIExecStart", commandId, line, null, null);
        String reply;
        if (command == null) {
            reply = "510 Invalid or unknown command\n";
        } else if (c.hangupRequested && !ALLOWED_DEAD.contains(command)) {
            reply = DEAD;
        } else {
            List<String> rest = argv.subList(command.split(" ").length, argv.size());
            reply = run(command, rest);
        }
        int code = Integer.parseInt(reply.substring(0, 3));
        boolean failed = code == 200 && reply.startsWith("200 result=-1") && c.hangupRequested;
        String result = switch (code) {
            case 200 -> failed ? "Failure" : "Success";
            case 510 -> "Invalid or unknown command";
            case 511 -> "Command Not Permitted on a dead channel or intercept routine";
            default -> "Usage";
        };
        exec("AGIExecEnd", commandId, line, failed ? -1 : code, result);
        return reply;
    }

    private void exec(String event, String commandId, String line, Integer code, String result) {
        AmiMessage m = AmiMessage.event(event);
        c.block(m, "");
        m.add("CommandId", commandId).add("Command", line);
        if (code != null) {
            m.add("ResultCode", code).add("Result", result);
        }
        core.emit(m, "agi");
    }

    private String run(String command, List<String> a) {
        switch (command) {
            case "NOOP", "ASYNCAGI BREAK":
                return ok(0);
            case "VERBOSE":
                return a.isEmpty() ? usage(command) : ok(1);
            case "ANSWER":
                if (!c.up()) {
                    Apps.answerChannel(core, c);
                }
                return ok(0);
            case "CHANNEL STATUS":
                return ok(c.state);
            case "GET VARIABLE": {
                if (a.isEmpty()) {
                    return usage(command);
                }
                String v = new ChannelScope(core, c).variable(a.get(0));
                return v == null ? ok(0) : "200 result=1 (" + v + ")\n";
            }
            case "GET FULL VARIABLE":
                return a.isEmpty() ? usage(command) : "200 result=1 (" + runner().substitute(a.get(0)) + ")\n";
            case "SET VARIABLE":
                if (a.size() < 2) {
                    return usage(command);
                }
                core.setVariable(c, a.get(0), a.get(1));
                return ok(1);
            case "DATABASE PUT":
                if (a.size() < 3) {
                    return usage(command);
                }
                core.astdb.put(a.get(0) + "/" + a.get(1), a.get(2));
                return ok(1);
            case "DATABASE GET": {
                if (a.size() < 2) {
                    return usage(command);
                }
                String v = core.astdb.get(a.get(0) + "/" + a.get(1));
                return v == null ? ok(0) : "200 result=1 (" + v + ")\n";
            }
            case "DATABASE DEL", "DATABASE DELTREE":
                return a.isEmpty() ? usage(command) : ok(core.astdb.remove(a.get(0) + "/" + (a.size() > 1 ? a.get(1) : "")) != null ? 1 : 0);
            case "EXEC":
                return exec(a);
            case "STREAM FILE":
                return a.size() < 2 ? usage(command) : AgiMedia.streamFile(client, a.get(0), a.get(1));
            case "GET DATA":
                return a.isEmpty() ? usage(command) : AgiMedia.getData(client, a.get(0),
                        a.size() > 1 ? Long.parseLong(a.get(1)) : 5000, a.size() > 2 ? Integer.parseInt(a.get(2)) : 1024);
            case "WAIT FOR DIGIT":
                return a.isEmpty() ? usage(command) : AgiMedia.waitForDigit(client, Long.parseLong(a.get(0)));
            case "RECEIVE CHAR":
                AgiMedia.pause(client, a.isEmpty() ? 0 : Long.parseLong(a.get(0)));
                return "200 result=-1 (hangup)\n";
            case "SAY DIGITS":
                return a.isEmpty() ? usage(command) : ok(0);
            case "SET CALLERID": {
                if (a.isEmpty()) {
                    return usage(command);
                }
                String[] id = Apps.parseCallerId(a.get(0));
                c.callerName = id[0];
                c.callerNum = id[1];
                Apps.newCallerid(core, c);
                return ok(1);
            }
            case "SET MUSIC":
                return a.isEmpty() ? usage(command) : AgiMedia.music(client, a);
            case "SET AUTOHANGUP":
                return ok(0);
            case "SET CONTEXT":
                c.context = a.get(0);
                return ok(0);
            case "SET EXTENSION":
                c.exten = a.get(0);
                return ok(0);
            case "SET PRIORITY":
                c.priority = Integer.parseInt(a.get(0));
                return ok(0);
            case "HANGUP":
                client.hangupRequestedByScript();
                return ok(1);
            default:
                return "510 Invalid or unknown command\n";
        }
    }

    private String exec(List<String> a) {
        if (a.isEmpty()) {
            return usage("EXEC");
        }
        String app = a.get(0);
        String data = a.size() > 1 ? String.join(",", a.subList(1, a.size())) : "";
        if (!runner().hasApp(app)) {
            return ok(-2);
        }
        c.app = app;
        c.appData = data;
        if (!"h".equals(c.exten)) {
            c.cdrApp = app;
            c.cdrAppData = data;
        }
        runner().runApp(app, data);
        return ok(0);
    }

    private DialplanRunner runner() {
        return client.runner;
    }

    static String ok(int result) {
        return "200 result=" + result + "\n";
    }

    private static String usage(String command) {
        return "520-Invalid command syntax.  Proper usage follows:\n"
                + Optional.ofNullable(USAGE.get(command)).orElse("Usage: " + command.toLowerCase(Locale.ROOT)) + "\n"
                + "520 End of proper usage.\n";
    }

    private static boolean startsWith(List<String> argv, String command) {
        String[] words = command.split(" ");
        if (argv.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!argv.get(i).equalsIgnoreCase(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** res_agi's argument parser: whitespace separates, double quotes group, backslash escapes. */
    static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                any = true;
            } else if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(ch) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }
}
