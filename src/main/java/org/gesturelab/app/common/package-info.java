/**
 * What every screen of the desktop app shares: the background executor, task handles with progress and cancel,
 * keyboard shortcuts as data, style class names, and small reusable controls.
 */
package org.gesturelab.app.common;
