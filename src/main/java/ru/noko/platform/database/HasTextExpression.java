package ru.noko.platform.database;

import io.micronaut.context.env.PropertyExpressionResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.util.StringUtils;
import io.micronaut.core.value.PropertyResolver;

import java.util.Optional;

/**
 * The configuration expression {@code ${has-text.<property>}}: true when the property is set to a
 * non-blank value. It lets one setting switch a feature on (application.yml: the read replica's
 * datasource exists only when its URL is set). Registered in META-INF/services.
 */
public final class HasTextExpression implements PropertyExpressionResolver {

    private static final String PREFIX = "has-text.";

    @Override
    public <T> Optional<T> resolve(PropertyResolver properties, ConversionService conversion, String expression,
                                   Class<T> type) {
        if (!expression.startsWith(PREFIX)) {
            return Optional.empty();
        }
        boolean set = properties.getProperty(expression.substring(PREFIX.length()), String.class)
                .filter(StringUtils::hasText).isPresent();
        return Optional.of(conversion.convertRequired(set, type));
    }
}
