package io.greenribbon.rooms;

import io.greenribbon.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTest {

    @Test
    void recordsKeepTheLineTheyStartOn() {
        List<CsvRecords.Record> records = CsvRecords.parse(
                "\uFEFFa,b,c\r\n1,\"x, \"\"quoted\"\"\",3\n\n2,\"two\nlines\",4\n5,,");
        assertThat(records).extracting(CsvRecords.Record::line).containsExactly(1, 2, 4, 6);
        assertThat(records.get(1).fields()).containsExactly("1", "x, \"quoted\"", "3");
        assertThat(records.get(2).fields()).containsExactly("2", "two\nlines", "4");
        assertThat(records.get(3).fields()).containsExactly("5", "", "");
    }

    @Test
    void anOpenQuoteNamesItsLine() {
        assertThatThrownBy(() -> CsvRecords.parse("a\n\"open\nstill"))
                .isInstanceOfSatisfying(CsvRecords.Unterminated.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void weeklyHoursGrammar() {
        RoomCsv csv = new RoomCsv(key -> key);
        List<FieldError> errors = new ArrayList<>();
        List<RoomRequests.WeeklyHours> hours = csv.weekly("MON-WED 08:30-12:00 14:00-17:30; SAT,SUN 09:00-11:00", 2, errors);
        assertThat(errors).isEmpty();
        assertThat(hours).hasSize(8).contains(
                new RoomRequests.WeeklyHours(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(17, 30)),
                new RoomRequests.WeeklyHours(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)));
        csv.weekly("FRI-MON 09:00-10:00", 3, errors);
        csv.weekly("MON 9-10", 4, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("lines[3].weekly_hours", "lines[4].weekly_hours");
    }

    @Test
    void rowsReportEveryBadColumn() {
        RoomCsv csv = new RoomCsv(key -> key);
        List<FieldError> headerErrors = new ArrayList<>();
        Map<String, Integer> columns = csv.header(new CsvRecords.Record(1,
                List.of("division", "name", "address", "capacity", "step_free", "facilities", "status")), headerErrors);
        assertThat(headerErrors).isEmpty();
        RoomCsv.Row row = csv.row(new CsvRecords.Record(5,
                List.of("1301", "", "addr", "0", "maybe", "PRIVATE;JACUZZI", "CLOSED")), columns, 7);
        assertThat(row.room()).isNull();
        assertThat(row.errors()).extracting(FieldError::field).containsExactly("lines[5].division", "lines[5].name",
                "lines[5].capacity", "lines[5].step_free", "lines[5].facilities", "lines[5].status");
        assertThat(csv.row(new CsvRecords.Record(6, List.of("1")), columns, 7).errors())
                .extracting(FieldError::field).containsExactly("lines[6].*");
    }
}
