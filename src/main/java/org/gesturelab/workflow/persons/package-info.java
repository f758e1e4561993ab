/**
 * Scoring recognizers on people: per-person evaluation of the current model, leave-one-person-out comparison of
 * models, and a train/test split that holds out whole people. Each is one use case, shared by the app and the CLI.
 */
package org.gesturelab.workflow.persons;
