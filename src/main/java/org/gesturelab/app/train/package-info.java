/**
 * The Train screen (history table, learning curve, confusion matrix) and the retraining the Label screen shares.
 */
package org.gesturelab.app.train;
