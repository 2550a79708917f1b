package io.portcullis.fix.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source-address allowlist: a comma-separated list of IP addresses and CIDR blocks ({@code 10.1.2.3},
 * {@code 10.1.0.0/16}, {@code ::1}). Blank or null means any address. Only literal addresses are accepted (no DNS
 * look-ups). Immutable, thread-safe.
 */
final class AddressAllowlist {
    static final AddressAllowlist ANY = new AddressAllowlist(List.of(), "");

    private final List<Block> blocks;
    private final String text;

    private AddressAllowlist(final List<Block> blocks, final String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * Parses the list.
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR block
     */
    static AddressAllowlist parse(final String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        final List<Block> blocks = new ArrayList<>();
        for (final String raw : text.split(",")) {
            final String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            final int slash = entry.indexOf('/');
            final byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash), entry);
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (final NumberFormatException ex) {
                    throw new IllegalArgumentException("bad CIDR prefix in allowed address '" + entry + "'");
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("bad CIDR prefix in allowed address '" + entry + "'");
                }
            }
            blocks.add(new Block(address, prefix));
        }
        return blocks.isEmpty() ? ANY : new AddressAllowlist(List.copyOf(blocks), text.trim());
    }

    /** Whether {@code address} (a literal IP, as {@link #hostOf} returns) is allowed; null is allowed only by ANY. */
    boolean allows(final String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        final byte[] bytes;
        try {
            bytes = literal(address, address);
        } catch (final IllegalArgumentException ex) {
            return false;
        }
        for (final Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The IP address in a MINA/QuickFIX/J remote address string: {@code /127.0.0.1:5123},
     * {@code host/127.0.0.1:5123}, {@code /[0:0:0:0:0:0:0:1]:5123}. Null in, null out.
     */
    static String hostOf(final String remoteAddress) {
        if (remoteAddress == null) {
            return null;
        }
        String host = remoteAddress;
        final int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(slash + 1);
        }
        if (host.startsWith("[")) {
            final int close = host.indexOf(']');
            return close < 0 ? host : host.substring(1, close);
        }
        final int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(':') == colon) {
            host = host.substring(0, colon);
        } else if (colon >= 0) {
            // IPv6 without brackets: the part after the last colon is the port
            host = host.substring(0, colon);
        }
        return host;
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "any" : text;
    }

    private static byte[] literal(final String host, final String entry) {
        final String trimmed = host.trim();
        final boolean looksLiteral = trimmed.indexOf(':') >= 0 || trimmed.matches("[0-9.]+");
        if (!looksLiteral) {
            throw new IllegalArgumentException("allowed address '" + entry + "' is not an IP address or CIDR block");
        }
        try {
            return InetAddress.getByName(trimmed).getAddress();
        } catch (final UnknownHostException ex) {
            throw new IllegalArgumentException("allowed address '" + entry + "' is not an IP address or CIDR block");
        }
    }

    private record Block(byte[] address, int prefix) {
        boolean contains(final byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                final int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((candidate[i] & mask) != (address[i] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(final Object other) {
            return other instanceof Block b && b.prefix == prefix && java.util.Arrays.equals(b.address, address);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(address) + prefix;
        }

        @Override
        public String toString() {
            return "Block[" + prefix + "]";
        }
    }
}
