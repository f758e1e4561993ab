/**
 * Gesture projects on disk: project settings, the SQLite clip store, NumPy files, imports and exports.
 */
package org.gesturelab.dataset;
