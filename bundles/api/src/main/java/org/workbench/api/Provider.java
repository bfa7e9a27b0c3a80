package org.workbench.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates components of one kind and name. Registered as an OSGi service under this interface
 * with the service properties {@link #KIND} and {@link #NAME}, which a Declarative Services
 * component declares with {@link WorkbenchProvider}; the provider's version is the version of the
 * bundle that registers it.
 *
 * <p>A provider is stateless: {@link #create} returns a fresh component for every run, so runs
 * never share mutable state and may run in parallel.
 *
 * @param <T> the component type, for example {@code Prior} or {@code Task}
 */
@ConsumerType
public interface Provider<T> {
    /** Service property: the kind of component, one of {@link Kinds}. */
    String KIND = "workbench.kind";
    /** Service property: the name that a descriptor's {@code use} refers to. */
    String NAME = "workbench.name";
    /** Service property: a one-line description shown by {@code list} and {@code describe}. */
    String SUMMARY = "workbench.summary";
    /**
     * Service property: short command-line options standing for parameters, each
     * {@code --OPTION=PARAMETER} or {@code --OPTION=PARAMETER=VALUE} (see {@link WorkbenchProvider#options()}).
     *
     * @since 1.4
     */
    String OPTIONS = "workbench.options";
    /**
     * Service property: {@code true} on a task that computes little (see {@link WorkbenchProvider#light()}).
     *
     * @since 1.4
     */
    String LIGHT = "workbench.light";

    /**
     * The Java type of the components this provider creates. The default reads it from the type
     * argument the provider's class gives {@code Provider} ({@code implements Provider<Prior>} makes it
     * {@code Prior}); override it only where that argument is not a plain class.
     *
     * @throws IllegalStateException when the type argument is not a class (a type variable, say)
     */
    default Class<T> type() {
        return ProviderTypes.componentType(this);
    }

    /** The parameters this provider accepts, validated by the engine before anything runs. */
    List<Parameter> parameters();

    /**
     * Creates a component.
     *
     * @param parameters validated parameters, defaults filled in
     * @param context    the run this component belongs to: its seed, its folder, its peers
     * @throws InvalidParameterException when parameters that are valid one by one do not fit together
     */
    T create(Parameters parameters, ComponentContext context);
}
