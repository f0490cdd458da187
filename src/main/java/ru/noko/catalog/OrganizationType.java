package ru.noko.catalog;

import java.util.Arrays;
import java.util.Optional;

/** Kinds of educational organizations assessed by НОКО, with their canonical codes. */
public enum OrganizationType {
    PRESCHOOL("preschool", "дошкольная образовательная организация"),
    SCHOOL("school", "общеобразовательная организация"),
    VOCATIONAL("vocational", "профессиональная образовательная организация"),
    ADDITIONAL("additional", "организация дополнительного образования"),
    HIGHER("higher", "образовательная организация высшего образования");

    private final String code;
    private final String nameRu;

    OrganizationType(String code, String nameRu) {
        this.code = code;
        this.nameRu = nameRu;
    }

    public String code() {
        return code;
    }

    public String nameRu() {
        return nameRu;
    }

    public static Optional<OrganizationType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
