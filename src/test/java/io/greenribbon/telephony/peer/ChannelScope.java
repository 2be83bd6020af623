package io.greenribbon.telephony.peer;

import java.util.Locale;

/** Variables and functions as a channel's dialplan sees them: its variables, built-ins, then globals. */
final class ChannelScope implements Expr.Scope {

    private final PbxCore core;
    private final PeerChannel channel;

    ChannelScope(PbxCore core, PeerChannel channel) {
        this.core = core;
        this.channel = channel;
    }

    @Override
    public String variable(String name) {
        String own = channel == null ? null : channel.var(name);
        if (own != null) {
            return own;
        }
        if (channel != null) {
            switch (name) {
                case "CHANNEL": return channel.name;
                case "UNIQUEID": return channel.uniqueId;
                case "LINKEDID": return channel.linkedId;
                case "EXTEN": return channel.exten;
                case "CONTEXT": return channel.context;
                case "PRIORITY": return String.valueOf(channel.priority);
                case "EPOCH": return String.valueOf(core.clock.epochSeconds());
                default: break;
            }
        }
        return core.globals.get(name);
    }

    @Override
    public String function(String name, String args) {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID":
                return callerId(args.strip().toLowerCase(Locale.ROOT));
            case "CONNECTEDLINE":
                return switch (args.strip().toLowerCase(Locale.ROOT)) {
                    case "num", "number" -> channel.connectedNum;
                    case "name" -> channel.connectedName;
                    default -> "\"" + channel.connectedName + "\" <" + channel.connectedNum + ">";
                };
            case "LEN":
                return String.valueOf(args.length());
            case "IF": {
                int q = args.indexOf('?');
                String condition = args.substring(0, q).strip();
                String[] branches = args.substring(q + 1).split(":", 2);
                String chosen = Expr.truthy(condition) ? branches[0] : branches.length > 1 ? branches[1] : "";
                return chosen.strip();
            }
            case "GLOBAL":
                return core.globals.get(args.strip());
            case "LOCAL":
                return variable(args.strip());
            case "SHIFT":
                return shift(args.strip());
            case "QUEUE_MEMBER_LIST":
                return queueMemberList(args.strip());
            case "QUEUE_MEMBER":
                return queueMember(args.split(",", -1));
            case "DEVICE_STATE":
                return deviceState(args.strip());
            default:
                throw new IllegalStateException("The peer does not implement function " + name + "()");
        }
    }

    /** SHIFT(varname): removes the first comma-separated item of the variable and returns it (func_strings). */
    private String shift(String var) {
        String value = variable(var);
        if (value == null || value.isEmpty()) {
            return "";
        }
        int comma = value.indexOf(',');
        core.setVariable(channel, var, comma < 0 ? "" : value.substring(comma + 1));
        return comma < 0 ? value : value.substring(0, comma);
    }

    /** QUEUE_MEMBER_LIST(queue): the members' interfaces, comma-separated (app_queue). */
    private String queueMemberList(String queue) {
        PeerQueue q = core.queues.get(queue);
        if (q == null) {
            core.log.warning(channel, "app_queue.c", "queue " + queue + " was not found");
            return "";
        }
        return String.join(",", q.members.keySet());
    }

    /** QUEUE_MEMBER(queue,paused,interface): whether the member is paused, 1 or 0 (app_queue). */
    private String queueMember(String[] args) {
        String option = args.length > 1 ? args[1].strip() : "";
        if (!option.equalsIgnoreCase("paused") || args.length < 3) {
            throw new IllegalStateException("The peer implements QUEUE_MEMBER(queue,paused,interface) only, not "
                    + String.join(",", args));
        }
        PeerQueue q = core.queues.get(args[0].strip());
        if (q == null) {
            core.log.warning(channel, "app_queue.c", "queue " + args[0].strip() + " was not found");
            return "0";
        }
        PeerQueue.Member m = q.members.get(args[2].strip());
        if (m == null) {
            core.log.error(channel, "app_queue.c", "Queue member interface '" + args[2].strip() + "' not in queue '"
                    + q.name + "'.");
            return "0";
        }
        return m.paused ? "1" : "0";
    }

    /** DEVICE_STATE(device): the device's state as func_devstate names it (NOT_INUSE, INUSE, UNAVAILABLE, ...). */
    private String deviceState(String device) {
        if (device.startsWith("PJSIP/")) {
            Endpoint e = core.endpoints.get(device.substring(6));
            return e == null ? "INVALID" : e.deviceState();
        }
        return core.deviceStates.getOrDefault(device, "UNKNOWN");
    }

    private String callerId(String field) {
        return switch (field) {
            case "num", "number" -> channel.callerNum;
            case "name" -> channel.callerName;
            case "all" -> channel.callerAll();
            case "dnid" -> channel.dnid;
            case "rdnis" -> channel.rdnis;
            case "ani" -> channel.callerNum;
            default -> throw new IllegalStateException("CALLERID(" + field + ") is not implemented by the peer");
        };
    }

    static boolean knownFunction(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID", "CONNECTEDLINE", "LEN", "IF", "GLOBAL", "LOCAL", "SHIFT", "QUEUE_MEMBER_LIST", "QUEUE_MEMBER",
                 "DEVICE_STATE" -> true;
            default -> false;
        };
    }
}
