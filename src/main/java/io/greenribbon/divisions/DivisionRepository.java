package io.greenribbon.divisions;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class DivisionRepository implements PanacheRepositoryBase<Division, String> {

    public Uni<List<Division>> findChildren(String parentCode) {
        return parentCode == null
                ? list("parentCode is null", Sort.by("code"))
                : list("parentCode", Sort.by("code"), parentCode);
    }

    /** The divisions with these codes, ordered from the top of the tree down. */
    public Uni<List<Division>> findAllByCode(List<String> codes) {
        return list("code in ?1", Sort.by("code"), codes);
    }
}
