package io.greenribbon.audit;

import jakarta.enterprise.context.RequestScoped;

/** Whether this request's access to protected data is already in the audit log (so it is not logged twice). */
@RequestScoped
public class AuditedRequest {

    private boolean recorded;

    public void markRecorded() {
        recorded = true;
    }

    public boolean recorded() {
        return recorded;
    }
}
