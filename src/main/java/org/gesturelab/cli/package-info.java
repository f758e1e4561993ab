/**
 * The picocli command line: one class per subcommand, errors mapped to documented exit codes.
 */
package org.gesturelab.cli;
