package ru.noko.platform.web;

import io.micronaut.context.exceptions.ConfigurationException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address block of trusted proxies: {@code 10.0.0.0/8}, {@code 192.168.1.10}, {@code ::1}. */
record AddressBlock(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!(IPV4.matcher(address).matches() || address.indexOf(':') >= 0)) {
            throw new ConfigurationException("noko.trusted-proxies takes IP addresses or CIDR blocks, not " + text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new ConfigurationException("noko.trusted-proxies: not an IP address: " + text);
        }
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new ConfigurationException("noko.trusted-proxies: bad prefix length in " + text);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new ConfigurationException("noko.trusted-proxies: bad prefix length in " + text);
        }
        return new AddressBlock(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
