package io.greenribbon.hotline.contacts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of problem categories as their names, comma-separated (checked by the database). */
@Converter
public class ProblemCategoriesConverter implements AttributeConverter<Set<ProblemCategory>, String> {

    @Override
    public String convertToDatabaseColumn(Set<ProblemCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(categories).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<ProblemCategory> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return EnumSet.noneOf(ProblemCategory.class);
        }
        return Arrays.stream(column.split(",")).map(ProblemCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProblemCategory.class)));
    }
}
