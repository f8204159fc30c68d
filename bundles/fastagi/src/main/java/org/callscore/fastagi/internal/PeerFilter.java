package org.callscore.fastagi.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Asterisk servers allowed to open FastAGI sessions. FastAGI has no authentication, so the peer's
 * address is all there is to check. Entries are addresses or CIDR blocks, never host names: a name would
 * make every accepted connection depend on DNS.
 */
final class PeerFilter {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Block> blocks;
    private final String description;

    private PeerFilter(List<Block> blocks, String description) {
        this.blocks = blocks;
        this.description = description;
    }

    /**
     * @param list comma- or space-separated addresses and CIDR blocks, e.g. {@code 127.0.0.1, 10.1.0.0/16}
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    static PeerFilter parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.trim().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                blocks.add(Block.parse(entry));
            }
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("allowed.peers is empty: no Asterisk could connect");
        }
        return new PeerFilter(List.copyOf(blocks), String.join(", ", blocks.stream().map(Block::toString).toList()));
    }

    boolean allows(InetAddress peer) {
        byte[] address = peer.getAddress();
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return description;
    }

    private record Block(byte[] network, int prefixLength, String text) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            if (!LITERAL.matcher(host).matches() || !(host.contains(".") || host.contains(":"))) {
                throw new IllegalArgumentException("allowed.peers entry '" + entry
                        + "' is not an IP address or CIDR block (host names are not accepted)");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(host).getAddress(); // a literal: no DNS look-up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allowed.peers entry '" + entry + "' is not an IP address", e);
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("allowed.peers entry '" + entry
                            + "' has a prefix length outside 0.." + bits);
                }
            }
            return new Block(network, prefix, entry);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
