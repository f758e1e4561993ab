/**
 * Long-running work without a user interface: progress reporting and cooperative cancellation shared by the command line and the app.
 */
package org.gesturelab.task;
