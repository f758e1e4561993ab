/**
 * Active learning: query strategies over the unlabeled pool, the labeling loop and simulations against an oracle.
 */
package org.gesturelab.active;
