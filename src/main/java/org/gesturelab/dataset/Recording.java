package org.gesturelab.dataset;

import java.time.Instant;

/**
 * A long recording that pool windows were cut from.
 *
 * @param id the recording's id
 * @param source where it came from (a file path)
 * @param frames its length in frames (0 if unknown)
 * @param createdAt when it was imported
 */
public record Recording(long id, String source, int frames, Instant createdAt) {
}
