package io.greenribbon.counsellors;

import io.greenribbon.problem.Failures;
import io.greenribbon.problem.ProblemException;

/** The unique keys of the pool, as the database reports them, as 409s that say which. */
public final class PoolConflicts {

    private PoolConflicts() {
    }

    public static Throwable translate(Throwable failure) {
        String constraint = Failures.constraint(failure);
        if (constraint == null || !"23505".equals(Failures.sqlState(failure))) {
            return failure;
        }
        return switch (constraint) {
            case "counsellor_id_number_key" -> ProblemException.conflict("counsellor.conflict.id-number")
                    .with("field", "idNumber");
            case "counsellor_username_key" -> ProblemException.conflict("counsellor.conflict.username")
                    .with("field", "username");
            case "counsellor_credential_certificate_number_key" ->
                    ProblemException.conflict("counsellor.conflict.certificate")
                            .with("field", "credentials");
            default -> failure;
        };
    }
}
