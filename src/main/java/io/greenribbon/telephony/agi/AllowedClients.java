package io.greenribbon.telephony.agi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The addresses allowed to open FastAGI sessions: single addresses or CIDR networks (IPv4 and IPv6). */
final class AllowedClients {

    private record Network(byte[] address, int bits) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }

    private final List<Network> networks;

    AllowedClients(List<String> entries) {
        this.networks = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(AllowedClients::parse).toList();
    }

    private static Network parse(String entry) {
        int slash = entry.indexOf('/');
        try {
            byte[] address = InetAddress.getByName(slash < 0 ? entry : entry.substring(0, slash)).getAddress();
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + entry);
            }
            return new Network(address, bits);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("greenribbon.telephony.agi.allowed-clients: cannot resolve " + entry, e);
        }
    }

    boolean allows(InetAddress address) {
        byte[] candidate = address.getAddress();
        return networks.stream().anyMatch(n -> n.contains(candidate));
    }
}
