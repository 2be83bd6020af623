package io.greenribbon.web;

import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.divisions.DivisionView;
import io.greenribbon.problem.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/**
 * What every console page knows about its request: the signed-in account, the language it reads in, the
 * name of its division, its navigation and the form token. Filled by {@link PageFilter} before the page's
 * method runs; templates read it as {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private Actor actor;
    private Locale locale = Messages.DEFAULT;
    private List<DivisionView.DivisionRef> divisionPath = List.of();
    private List<NavItem> navigation = List.of();
    private String csrfToken = "";
    private String path = "";
    private boolean languageCookieStale;

    void fill(Actor actor, Locale locale, List<DivisionView.DivisionRef> divisionPath, List<NavItem> navigation,
              String csrfToken, String path) {
        this.actor = actor;
        this.locale = locale;
        this.divisionPath = divisionPath;
        this.navigation = navigation;
        this.csrfToken = csrfToken;
        this.path = path;
    }

    /** Pages that are not signed in (an error before sign-in) still render in a language. */
    void useLocale(Locale locale) {
        this.locale = locale;
    }

    public boolean signedIn() {
        return actor != null;
    }

    public Actor actor() {
        return actor;
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The language tag of the page ({@code zh-CN} or {@code en}). */
    public String lang() {
        return english() ? "en" : "zh-CN";
    }

    public String text(String key, Object... args) {
        return Messages.text(locale, key, args);
    }

    /** The account's roles in words, as greenribbon names them (Keycloak's own roles left out). */
    public String roles() {
        if (actor == null) {
            return "";
        }
        return String.join(english() ? ", " : "、", actor.roles().stream().filter(Role.ALL::contains).sorted()
                .map(role -> text("role." + role)).toList());
    }

    /** The account's division, from the most local level up (e.g. 桥西区, 石家庄市). */
    public String division() {
        if (divisionPath.isEmpty()) {
            return actor == null || actor.division() == null ? "" : actor.division();
        }
        DivisionView.DivisionRef own = divisionPath.get(divisionPath.size() - 1);
        String name = english() && own.nameEn() != null ? own.nameEn() : own.name();
        if (divisionPath.size() < 2) {
            return name;
        }
        DivisionView.DivisionRef parent = divisionPath.get(divisionPath.size() - 2);
        String parentName = english() && parent.nameEn() != null ? parent.nameEn() : parent.name();
        return english() ? name + ", " + parentName : parentName + " " + name;
    }

    /** Whether the account's roles hold {@code permission} (a name of {@link io.greenribbon.access.Permission}). */
    public boolean holds(String permission) {
        return actor != null && io.greenribbon.access.Permission.valueOf(permission).grantedToAny(actor.roles());
    }

    public List<NavItem> navigation() {
        return navigation;
    }

    /** Whether {@code item} is the page being shown (or the section it belongs to). */
    public boolean current(NavItem item) {
        return path.equals(item.path()) || path.startsWith(item.path() + "/");
    }

    public String csrf() {
        return csrfToken;
    }

    /** The htmx headers every request of the page carries: the form token ({@code hx-headers}). */
    public String htmxHeaders() {
        return "{\"" + PageCsrf.HEADER + "\":\"" + csrfToken + "\"}";
    }

    void languageCookieStale() {
        this.languageCookieStale = true;
    }

    boolean isLanguageCookieStale() {
        return languageCookieStale;
    }
}
