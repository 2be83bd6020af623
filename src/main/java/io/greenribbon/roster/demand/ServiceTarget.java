package io.greenribbon.roster.demand;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A line's service-level target: {@code answeredShare} of the calls answered within {@code withinSeconds}
 * (the industry's 80% in 20 s unless the line says otherwise; one 988 grant asks 95% in 20 s).
 */
@Schema(description = "A line's service-level target: the share of calls to answer within a wait.")
public record ServiceTarget(
        @Schema(description = "The share of the calls to answer within withinSeconds, above 0 and below 1.",
                example = "0.8")
        @NotNull @DecimalMin(value = "0.5") @DecimalMax(value = "0.999") Double answeredShare,
        @Schema(description = "The wait within which they are answered, in seconds.", example = "20")
        @NotNull @Min(1) @Max(600) Integer withinSeconds) {
}
