package io.greenribbon.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What templates write text and times with, in the reader's language ({@code i18n/messages*.properties},
 * the bundles the API's problems come from) and in the service area's time zone:
 * {@code {m:t('desk.title')}}, {@code {m:t('desk.since', time)}}, {@code {m:time(at)}}.
 */
@TemplateExtension(namespace = "m")
public final class PageText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日 EEEE", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private PageText() {
    }

    static PageContext page() {
        return Arc.container().instance(PageContext.class).get();
    }

    static ZoneId zone() {
        // Looked up once: the configuration does not change while the service runs, and each lookup of the
        // configuration bean builds it anew (a page asks for the zone for every time it shows).
        ZoneId zone = ZONE;
        if (zone == null) {
            zone = Arc.container().instance(WebConfig.class).get().zone();
            ZONE = zone;
        }
        return zone;
    }

    private static volatile ZoneId ZONE;

    public static String t(String key, Object... args) {
        return page().text(key, args);
    }

    /** A message whose key is {@code prefix} plus a value, such as an enum's name: {@code {m:of('presence.state.', state)}}. */
    public static String of(String prefix, Object value) {
        if (value == null) {
            return "";
        }
        String key = prefix + value;
        String text = page().text(key);
        // A value the bundles do not name (a pause reason set through the API) is shown as it is.
        return text.equals(key) ? value.toString() : text;
    }

    /**
     * A new idempotency key for a form being opened now: the form sends it with its action, so a double
     * tap, a retry or a resubmitted form does the action once ({@code <input type="hidden" name="key" value="{m:formKey}">}).
     */
    public static String formKey() {
        return java.util.UUID.randomUUID().toString();
    }

    /** Hours and minutes, or the date too when it is not today. */
    public static String time(Object at) {
        Instant instant = instant(at);
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone());
        return local.toLocalDate().equals(java.time.LocalDate.now(zone())) ? TIME.format(local) : DATE_TIME.format(local);
    }

    /** Hours and minutes only (where the date is shown already, as in a day of a week). */
    public static String clock(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : TIME.format(instant.atZone(zone()));
    }

    /**
     * The language of a piece of data (a room's name, an address), for its {@code lang} attribute: data
     * in Chinese stays Chinese on an English page, and says so.
     */
    public static String lang(Object text) {
        return text != null && text.toString().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN) ? "zh-CN" : "en";
    }

    public static String dateTime(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    /** The ISO instant, for {@code <time datetime>}. */
    public static String iso(Object at) {
        Instant instant = instant(at);
        return instant == null ? "" : instant.atZone(zone()).toOffsetDateTime().toString();
    }

    public static String day(Object date) {
        if (date == null) {
            return "";
        }
        java.time.LocalDate d = date instanceof java.time.LocalDate ld ? ld : instant(date).atZone(zone()).toLocalDate();
        return (page().english() ? DAY_EN : DAY_ZH).format(d);
    }

    /** A duration in words: 1 min 05 s, 42 s. */
    public static String seconds(Object millis) {
        if (millis == null) {
            return "";
        }
        Duration d = Duration.ofMillis(((Number) millis).longValue());
        long minutes = d.toMinutes();
        long seconds = d.toSecondsPart();
        return minutes > 0 ? page().text("time.minutes-seconds", minutes, String.format("%02d", seconds))
                : page().text("time.seconds", seconds);
    }

    /** A duration given in seconds (a figure such as the average speed of answer), in whole seconds' words. */
    public static String duration(Object seconds) {
        return seconds == null ? "—" : seconds(Math.round(((Number) seconds).doubleValue()) * 1000);
    }

    /**
     * How long ago {@code at} was, in words (42 秒, 3 分 05 秒, 2 小时 04 分, 3 天 2 小时): an age that the page's
     * script then counts up ({@code data-age}, in seconds, with {@link #ageFormats()}).
     */
    public static String age(Object at) {
        return ageOf(ageSeconds(at));
    }

    /** Seconds since {@code at} (never negative). */
    public static long ageSeconds(Object at) {
        Instant instant = instant(at);
        Instant now = Arc.container().instance(java.time.Clock.class).get().instant();
        return instant == null ? 0 : Math.max(0, Duration.between(instant, now).getSeconds());
    }

    static String ageOf(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        if (days > 0) {
            return page().text("age.days-hours", days, hours);
        }
        if (hours > 0) {
            return page().text("age.hours-minutes", hours, String.format("%02d", minutes));
        }
        return minutes > 0 ? page().text("time.minutes-seconds", minutes, String.format("%02d", seconds % 60))
                : page().text("time.seconds", seconds);
    }

    /** The patterns of {@link #age} for the page's script, as JSON: {@code {"s": "{0} 秒", ...}}. */
    public static String ageFormats() {
        return "{\"s\":\"" + pattern("time.seconds") + "\",\"ms\":\"" + pattern("time.minutes-seconds")
                + "\",\"hm\":\"" + pattern("age.hours-minutes") + "\",\"dh\":\"" + pattern("age.days-hours") + "\"}";
    }

    private static String pattern(String key) {
        return page().text(key).replace("\\", "").replace("\"", "");
    }

    /**
     * A value of an event's detail (a risk case's timeline): a time in the reader's time zone, else the words
     * the bundles give under {@code prefix}, else the value as it is (codes and account names).
     */
    public static String detail(String prefix, Object value) {
        if (value instanceof String text && text.length() > 19 && text.charAt(10) == 'T') {
            try {
                return dateTime(Instant.parse(text));
            } catch (java.time.format.DateTimeParseException notATime) {
                return of(prefix, value);
            }
        }
        return of(prefix, value);
    }

    /** A share (0 to 1) as a whole percentage, or a dash when there is none yet. */
    public static String percent(Object share) {
        return share == null ? "—" : Math.round(((Number) share).doubleValue() * 100) + "%";
    }

    private static Instant instant(Object at) {
        if (at == null) {
            return null;
        }
        if (at instanceof Instant i) {
            return i;
        }
        if (at instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("Not a time: " + at.getClass());
    }
}
