package ru.noko.catalog;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import ru.noko.methodology.MethodologyCatalogue;

/** The methodology catalogue (data-seeds/methodology) as one shared, immutable bean. */
@Factory
class MethodologyCatalogueFactory {

    @Singleton
    MethodologyCatalogue methodologyCatalogue() {
        return MethodologyCatalogue.fromClasspath();
    }
}
