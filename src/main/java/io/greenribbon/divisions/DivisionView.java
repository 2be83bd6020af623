package io.greenribbon.divisions;

import java.util.List;

/** A division as the API shows it, with its path from the province down. */
public record DivisionView(String code, String name, String nameEn, DivisionLevel level, String parentCode,
                           List<DivisionRef> path) {

    public record DivisionRef(String code, String name, String nameEn, DivisionLevel level) {
        static DivisionRef of(Division d) {
            return new DivisionRef(d.code, d.name, d.nameEn, d.level);
        }
    }

    static DivisionView of(Division d, List<Division> path) {
        return new DivisionView(d.code, d.name, d.nameEn, d.level, d.parentCode,
                path.stream().map(DivisionRef::of).toList());
    }

    static DivisionView of(Division d) {
        return of(d, List.of());
    }
}
