package io.greenribbon.hotline.contacts;

import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * The counsellor's record of a call; fields left out stay as they are. {@code version}, when given, must
 * be the version read, so that two people editing at once do not overwrite each other.
 */
public record ContactPatch(@Size(max = 9) Set<ProblemCategory> problems,
                           @Size(max = 20000) String notes,
                           Boolean repeatCaller,
                           Boolean difficult,
                           Boolean highCrisis,
                           Boolean callbackRequested,
                           Integer version) {
}
