package ru.noko.methodology;

import java.util.regex.Pattern;

/** Shape of canonical machine names (raw inputs, result fields): lower snake case. */
final class InputNames {

    private static final Pattern MACHINE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private InputNames() {
    }

    static String requireMachineName(String name, String role) {
        if (name == null || !MACHINE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(role + " must be a lower snake case name, got '" + name + "'");
        }
        return name;
    }
}
