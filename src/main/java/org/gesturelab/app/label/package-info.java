/**
 * The Label screen: keyboard-first labeling of the clips the model is least sure of, with a looping replay pane.
 */
package org.gesturelab.app.label;
