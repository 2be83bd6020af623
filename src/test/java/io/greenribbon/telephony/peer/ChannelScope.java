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
            default:
                throw new IllegalStateException("The peer does not implement function " + name + "()");
        }
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
            case "CALLERID", "CONNECTEDLINE", "LEN", "IF", "GLOBAL" -> true;
            default -> false;
        };
    }
}
