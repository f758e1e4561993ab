/**
 * The JavaFX desktop application. The only package that may import JavaFX.
 */
package org.gesturelab.app;
