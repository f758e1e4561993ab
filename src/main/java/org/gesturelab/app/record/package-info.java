/**
 * The Record screen: the project's gesture classes (add, rename, recolour, shortcut key), recording takes of
 * 30-frame clips with a countdown, and unlabeled footage cut into windows for the pool.
 */
package org.gesturelab.app.record;
