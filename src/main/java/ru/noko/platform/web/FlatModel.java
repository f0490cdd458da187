package ru.noko.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills a generated API model (a flat JSON object) from a row through {@link Columns}: the column
 * named {@code k1} sets the property serialised as {@code k1}. One definition of the columns thus
 * drives both the JSON rows and the CSV table, which then carry the same names and values.
 * Uses the compile-time bean introspection of the generated {@code @Serdeable} models, no reflection.
 */
public final class FlatModel<M> {

    private record Slot<M>(BeanProperty<M, Object> property, Function<Object, Object> convert) {
    }

    private final Class<M> type;
    private final BeanIntrospection<M> introspection;
    private final Map<String, Slot<M>> byJsonName = new HashMap<>();
    private final List<String> constructorJsonNames = new ArrayList<>();
    private final List<Function<Object, Object>> constructorConverters = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private FlatModel(Class<M> type) {
        this.type = type;
        this.introspection = BeanIntrospection.getIntrospection(type);
        Map<String, String> jsonNameByJavaName = new HashMap<>();
        for (BeanProperty<M, Object> property : introspection.getBeanProperties()) {
            String jsonName = property.stringValue(JsonProperty.class).orElse(property.getName());
            jsonNameByJavaName.put(property.getName(), jsonName);
            byJsonName.put(jsonName, new Slot<>(property, converter(property.asArgument())));
        }
        for (Argument<?> argument : introspection.getConstructorArguments()) {
            String jsonName = jsonNameByJavaName.get(argument.getName());
            if (jsonName == null) {
                throw new IllegalStateException(type.getSimpleName() + " constructor argument " + argument.getName()
                        + " is no property");
            }
            constructorJsonNames.add(jsonName);
            constructorConverters.add(converter((Argument<Object>) argument));
        }
    }

    public static <M> FlatModel<M> of(Class<M> type) {
        return new FlatModel<>(type);
    }

    /** Fails unless every column has a property of the same JSON name (checked once, at startup). */
    public FlatModel<M> requireColumns(Columns<?> columns) {
        List<String> missing = columns.names().stream().filter(name -> !byJsonName.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(type.getSimpleName() + " has no properties " + missing);
        }
        return this;
    }

    public <R> M build(Columns<R> columns, R row) {
        Map<String, Object> values = new HashMap<>();
        for (Column<R> column : columns.list()) {
            values.put(column.name(), column.valueOf(row));
        }
        Object[] arguments = new Object[constructorJsonNames.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = constructorConverters.get(i).apply(values.remove(constructorJsonNames.get(i)));
        }
        M model = introspection.instantiate(false, arguments);
        values.forEach((name, value) -> {
            Slot<M> slot = byJsonName.get(name);
            if (slot == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no property " + name);
            }
            if (value != null) {
                slot.property().set(model, slot.convert().apply(value));
            }
        });
        return model;
    }

    private static Function<Object, Object> converter(Argument<?> target) {
        Class<?> type = target.getType();
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return value -> {
                if (value == null || type.isInstance(value)) {
                    return value;
                }
                for (Object constant : constants) {
                    if (constant.toString().equals(value.toString())) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("No " + type.getSimpleName() + " " + value);
            };
        }
        if (List.class.isAssignableFrom(type)) {
            Function<Object, Object> element = target.getFirstTypeVariable()
                    .map(FlatModel::converter).orElse(Function.identity());
            return value -> value == null ? null : ((List<?>) value).stream().map(element).toList();
        }
        if (type == Integer.class || type == int.class) {
            return value -> value == null ? null : ((Number) value).intValue();
        }
        if (type == Long.class || type == long.class) {
            return value -> value == null ? null : ((Number) value).longValue();
        }
        if (type == Double.class || type == double.class) {
            return value -> value == null ? null : ((Number) value).doubleValue();
        }
        return Function.identity();
    }
}
