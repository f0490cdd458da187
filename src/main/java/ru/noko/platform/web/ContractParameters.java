package ru.noko.platform.web;

import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operations of the contract (openapi.yaml) and their parameters: checks query and path
 * parameters against the declared schemas and reports every bad parameter at once — framework
 * binding stops at the first one — and spells a request's parameters canonically for cache keys.
 *
 * <p>Public operations (those without a {@code security} requirement) accept only the query
 * parameters they declare, each at most once, so that no two spellings of one request are served
 * or cached as different ones. A NUL character is refused everywhere: PostgreSQL cannot store it.
 */
@Singleton
class ContractParameters {

    private record Parameter(String name, String in, Map<String, Object> schema) {
    }

    /** One operation: whether strangers may call it, and its parameters in declared order. */
    private record Operation(boolean isPublic, List<Parameter> parameters) {
        List<String> queryNames() {
            return parameters.stream().filter(p -> "query".equals(p.in())).map(Parameter::name).toList();
        }
    }

    /** Compiled once: the check runs on every request. */
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Operation> byOperation = new HashMap<>();
    private final Map<String, Object> schemas;

    @SuppressWarnings("unchecked")
    public ContractParameters() {
        Map<String, Object> spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("static/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("static/openapi.yaml is missing from the classpath");
            }
            spec = new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> components = (Map<String, Object>) spec.getOrDefault("components", Map.of());
        this.schemas = (Map<String, Object>) components.getOrDefault("schemas", Map.of());
        Map<String, Object> sharedParameters = (Map<String, Object>) components.getOrDefault("parameters", Map.of());
        boolean securedByDefault = spec.get("security") instanceof List<?> global && !global.isEmpty();
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (!METHODS.contains(method) || !(operation instanceof Map<?, ?> op)) {
                return;
            }
            List<Parameter> resolved = new ArrayList<>();
            if (op.get("parameters") instanceof List<?> parameters) {
                for (Object parameter : parameters) {
                    Map<String, Object> p = (Map<String, Object>) parameter;
                    if (p.containsKey("$ref")) {
                        p = (Map<String, Object>) sharedParameters.get(refName(p));
                    }
                    resolved.add(new Parameter((String) p.get("name"), (String) p.get("in"),
                            resolve((Map<String, Object>) p.get("schema"))));
                }
            }
            boolean secured = op.get("security") instanceof List<?> security ? !security.isEmpty() : securedByDefault;
            byOperation.put(key(method, path), new Operation(!secured, List.copyOf(resolved)));
        }));
    }

    /** Whether the contract has this operation and strangers may call it. */
    public boolean isPublic(String method, String pathTemplate) {
        Operation operation = byOperation.get(key(method, pathTemplate));
        return operation != null && operation.isPublic();
    }

    /** Whether the contract has this operation at all. */
    public boolean declares(String method, String pathTemplate) {
        return byOperation.containsKey(key(method, pathTemplate));
    }

    /**
     * @param pathTemplate the route's template as written in the contract, e.g. {@code /api/v1/regions/{code}}
     * @param query        raw query parameters of the request, by name, in the order given
     * @param path         path variables of the request, by name
     */
    public List<FieldProblem> check(String method, String pathTemplate, Map<String, List<String>> query,
                                    Map<String, String> path) {
        List<FieldProblem> problems = new ArrayList<>();
        Operation operation = byOperation.get(key(method, pathTemplate));
        query.forEach((name, given) -> given.stream().filter(ContractParameters::hasNul).findFirst().ifPresent(
                value -> problems.add(nul(name, value))));
        path.forEach((name, value) -> {
            if (hasNul(value)) {
                problems.add(nul(name, value));
            }
        });
        if (operation == null || !problems.isEmpty()) {
            return problems;
        }
        if (operation.isPublic()) {
            List<String> supported = operation.queryNames();
            query.forEach((name, given) -> {
                if (!supported.contains(name)) {
                    problems.add(FieldProblem.ofField(name, String.join(",", given), "unknown_parameter",
                            supported.isEmpty() ? "unknown parameter: this operation takes no query parameters"
                                    : "unknown parameter; supported: " + String.join(", ", supported)));
                } else if (given.size() > 1) {
                    problems.add(FieldProblem.ofField(name, String.join(",", given), "repeated_parameter",
                            "given " + given.size() + " times; give it once"));
                }
            });
        }
        for (Parameter parameter : operation.parameters()) {
            List<String> given = "path".equals(parameter.in())
                    ? (path.containsKey(parameter.name()) ? List.of(path.get(parameter.name())) : null)
                    : query.get(parameter.name());
            if (given == null || given.isEmpty() || parameter.schema() == null) {
                continue;
            }
            for (String value : given) {
                String message = problem(parameter.schema(), value);
                if (message != null) {
                    problems.add(FieldProblem.ofField(parameter.name(), value, "invalid_parameter", message));
                    break;
                }
            }
        }
        return problems;
    }

    /**
     * The parameters of a request, canonically: only those the operation declares, in declared
     * order, numbers and booleans in their plain spelling ({@code 007} → {@code 7}). Two requests
     * with the same canonical form get the same answer. Empty when the contract lacks the operation.
     */
    public Optional<String> canonical(String method, String pathTemplate, Map<String, List<String>> query,
                                      Map<String, String> path) {
        Operation operation = byOperation.get(key(method, pathTemplate));
        if (operation == null) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(pathTemplate);
        for (Parameter parameter : operation.parameters()) {
            List<String> values = "path".equals(parameter.in())
                    ? (path.containsKey(parameter.name()) ? List.of(path.get(parameter.name())) : List.of())
                    : query.getOrDefault(parameter.name(), List.of());
            for (String value : values) {
                canonical.append('\n').append(parameter.name()).append('=').append(canonicalValue(parameter.schema(), value));
            }
        }
        return Optional.of(canonical.toString());
    }

    private String canonicalValue(Map<String, Object> schema, String value) {
        String type = schema == null ? "string" : (String) schema.getOrDefault("type", "string");
        try {
            return switch (type) {
                case "integer" -> String.valueOf(Long.parseLong(value.trim()));
                case "boolean" -> value.trim().toLowerCase(Locale.ROOT);
                case "array" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> items = resolve((Map<String, Object>) schema.get("items"));
                    List<String> parts = new ArrayList<>();
                    for (String part : value.split(",", -1)) {
                        parts.add(canonicalValue(items, part));
                    }
                    yield String.join(",", parts);
                }
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value; // refused by the check before it is ever cached
        }
    }

    private static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    private static FieldProblem nul(String name, String value) {
        return FieldProblem.ofField(name, value.replace('\0', '\uFFFD'), "invalid_character",
                "must not contain the NUL character (U+0000)");
    }

    private String problem(Map<String, Object> schema, String value) {
        String type = (String) schema.getOrDefault("type", "string");
        switch (type) {
            case "integer" -> {
                long number;
                try {
                    number = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    return "must be an integer";
                }
                if (schema.get("minimum") instanceof Number min && number < min.longValue()) {
                    return "must be at least " + min;
                }
                if (schema.get("maximum") instanceof Number max && number > max.longValue()) {
                    return "must be at most " + max;
                }
            }
            case "number" -> {
                double number;
                try {
                    number = Double.parseDouble(value.trim());
                } catch (NumberFormatException e) {
                    return "must be a number";
                }
                if (schema.get("minimum") instanceof Number min && number < min.doubleValue()) {
                    return "must be at least " + min;
                }
                if (schema.get("maximum") instanceof Number max && number > max.doubleValue()) {
                    return "must be at most " + max;
                }
            }
            case "boolean" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return "must be true or false";
                }
            }
            case "array" -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> items = resolve((Map<String, Object>) schema.get("items"));
                String[] parts = value.split(",", -1);
                if (schema.get("maxItems") instanceof Number max && parts.length > max.intValue()) {
                    return "must have at most " + max + " items";
                }
                for (String part : parts) {
                    String itemProblem = problem(items, part);
                    if (itemProblem != null) {
                        return "item '" + part + "' " + itemProblem;
                    }
                }
            }
            default -> {
                return stringProblem(schema, value);
            }
        }
        return null;
    }

    /**
     * Lengths first, so a pattern only ever sees a value of the length the contract allows. The
     * contract's patterns are anchored and use bounded repetition only (ContractPatternsTest), so
     * matching them is linear; the request line bounds values without a maxLength.
     */
    private static String stringProblem(Map<String, Object> schema, String value) {
        if (schema.get("maxLength") instanceof Number max && value.length() > max.intValue()) {
            return "must be at most " + max + " characters long";
        }
        if (schema.get("minLength") instanceof Number min && value.length() < min.intValue()) {
            return "must be at least " + min + " characters long";
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            return "must be one of " + allowed;
        }
        if (schema.get("pattern") instanceof String pattern && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(value).find()) {
            return "must match " + pattern;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (schema != null && schema.containsKey("$ref")) {
            return resolve((Map<String, Object>) schemas.get(refName(schema)));
        }
        return schema;
    }

    private static String refName(Map<String, Object> holder) {
        String ref = (String) holder.get("$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
