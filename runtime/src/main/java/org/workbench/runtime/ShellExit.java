package org.workbench.runtime;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * The shell's {@code exit [STATUS]}: stops the framework, so that {@code ./workbench shell} returns
 * (with that status) after the runtime has shut down cleanly. Registered in Gogo's first scope,
 * {@code gogo}, so that it wins over the default profile's {@code exit}, which is
 * {@code System.exit(int)} and refuses a bare {@code exit}.
 */
public final class ShellExit {
    private final Framework framework;
    private volatile int status;

    private ShellExit(Framework framework) {
        this.framework = framework;
    }

    /** Registers the command with the framework's registry. */
    static ShellExit register(Framework framework) {
        ShellExit command = new ShellExit(framework);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", "gogo");
        properties.put("osgi.command.function", new String[] {"exit"});
        BundleContext context = framework.getBundleContext();
        context.registerService(Object.class, command, properties);
        return command;
    }

    /** Gogo: {@code exit}. */
    public void exit() throws BundleException {
        exit(0);
    }

    /** Gogo: {@code exit STATUS}. */
    public void exit(int code) throws BundleException {
        status = code;
        framework.stop();
    }

    /** The status given to {@code exit}, 0 otherwise. */
    int status() {
        return status;
    }
}
