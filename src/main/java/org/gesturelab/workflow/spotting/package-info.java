/**
 * Continuous-recognition use cases that both the app and the command line run: making streams from a project's
 * clips, evaluating the spotter on streams, and calibrating its thresholds.
 */
package org.gesturelab.workflow.spotting;
