package org.workbench.api;

/**
 * Thrown by {@link Provider#create} when parameters that are valid one by one do not fit together
 * (for example a location vector whose length differs from the data's dimension). The engine
 * reports it as invalid input, naming the component and the parameter.
 */
public class InvalidParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter at fault, or {@code null} when the fault lies between several. */
    public String parameter() {
        return parameter;
    }
}
