/**
 * The first-start dialog that installs the MediaPipe models (or explains exactly what is needed).
 */
package org.gesturelab.app.setup;
