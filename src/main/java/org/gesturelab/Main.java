package org.gesturelab;

import org.gesturelab.app.DesktopLauncher;
import org.gesturelab.cli.GestureLabCommand;

/**
 * The jar's entry point: no arguments open the desktop app, anything else runs the command line.
 *
 * <p>It deliberately does not extend {@code javafx.application.Application}: a JavaFX application class started by
 * {@code java -jar} from the class path fails with "JavaFX runtime components are missing".
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs GestureLab.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            String problem = DesktopLauncher.launch(args);
            if (problem == null) {
                System.exit(0);
            }
            System.err.println(problem);
            System.err.println();
            GestureLabCommand.run("--help");
            System.exit(GestureLabCommand.EXIT_USER_ERROR);
        }
        System.exit(GestureLabCommand.run(args));
    }
}
