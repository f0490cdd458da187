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
import java.util.regex.Pattern;

/**
 * Checks query and path parameters against the schemas the contract (openapi.yaml) declares, and
 * reports every bad parameter at once — framework binding stops at the first one.
 */
@Singleton
public class ContractParameters {

    private record Parameter(String name, String in, Map<String, Object> schema) {
    }

    /** Compiled once: the check runs on every request. */
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, List<Parameter>> byOperation = new HashMap<>();
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
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.get("parameters") instanceof List<?> parameters) {
                List<Parameter> resolved = new ArrayList<>();
                for (Object parameter : parameters) {
                    Map<String, Object> p = (Map<String, Object>) parameter;
                    if (p.containsKey("$ref")) {
                        p = (Map<String, Object>) sharedParameters.get(refName(p));
                    }
                    resolved.add(new Parameter((String) p.get("name"), (String) p.get("in"),
                            resolve((Map<String, Object>) p.get("schema"))));
                }
                byOperation.put(key(method, path), resolved);
            }
        }));
    }

    /**
     * @param pathTemplate the route's template as written in the contract, e.g. {@code /api/v1/regions/{code}}
     * @param values       raw request values of query and path parameters, by name
     */
    public List<FieldProblem> check(String method, String pathTemplate, Map<String, List<String>> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Parameter parameter : byOperation.getOrDefault(key(method, pathTemplate), List.of())) {
            List<String> given = values.get(parameter.name());
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
