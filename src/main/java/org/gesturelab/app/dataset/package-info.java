/**
 * The Dataset screen (every clip with filters, replay, relabel, delete, move) and the Import and Export dialogs.
 */
package org.gesturelab.app.dataset;
