/**
 * Recognized gestures sent out of GestureLab as they happen: OSC over UDP for Max, Pure Data, Processing,
 * TouchDesigner and Unity, and JSON over a WebSocket server for browser pages (docs/decisions/1302).
 */
package org.gesturelab.workflow.events;
