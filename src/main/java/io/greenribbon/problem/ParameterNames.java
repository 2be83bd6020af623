package io.greenribbon.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;

/** The name a client knows a request parameter by: the one in its JAX-RS annotation, not the Java name. */
public final class ParameterNames {

    private ParameterNames() {
    }

    /** The parameter's name from its annotations, or null when it is not a named request parameter. */
    public static String of(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof PathParam p ? p.value() : a instanceof QueryParam q ? q.value()
                    : a instanceof HeaderParam h ? h.value() : a instanceof CookieParam c ? c.value()
                    : a instanceof FormParam f ? f.value() : a instanceof MatrixParam m ? m.value() : null;
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return null;
    }
}
