package io.greenribbon.divisions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place in the administrative tree: province, city, county, township or village/community. */
@Entity
@Table(name = "division")
public class Division {

    @Id
    public String code;

    /** Derived by the database from the code. */
    @Column(name = "parent_code", insertable = false, updatable = false)
    public String parentCode;

    /** Derived by the database from the code's length. */
    @Enumerated(EnumType.STRING)
    @Column(insertable = false, updatable = false)
    public DivisionLevel level;

    public String name;

    @Column(name = "name_en")
    public String nameEn;
}
