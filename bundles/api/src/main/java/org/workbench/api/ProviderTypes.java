package org.workbench.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Reads the component type of a provider from the type argument its class gives {@link Provider}. */
final class ProviderTypes {
    private ProviderTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> componentType(Provider<T> provider) {
        for (Class<?> c = provider.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Class<?> found = search(c);
            if (found != null) {
                return (Class<T>) found;
            }
        }
        throw new IllegalStateException(provider.getClass().getName() + " does not give Provider a class as its"
                + " type argument; override type()");
    }

    /** The class argument of {@code Provider<...>} among the interfaces {@code c} declares, searched depth first. */
    private static Class<?> search(Class<?> c) {
        for (Type t : c.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Provider.class) {
                Type argument = p.getActualTypeArguments()[0];
                if (argument instanceof Class<?> k) {
                    return k;
                }
                if (argument instanceof ParameterizedType pk && pk.getRawType() instanceof Class<?> k) {
                    return k;
                }
                return null;
            }
            Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
            Class<?> found = search(raw);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
