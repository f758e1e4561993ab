/**
 * What the app remembers between runs (window size, last project, recognition and labeling preferences) and the
 * Settings dialog that edits it.
 */
package org.gesturelab.app.settings;
