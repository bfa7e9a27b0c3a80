package org.workbench.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the component type of a provider from the type argument its class gives {@link Provider},
 * directly, through an interface, or through a generic base class that a subclass closes.
 */
final class ProviderTypes {
    private ProviderTypes() {
    }

    @SuppressWarnings("unchecked")
    static <T> Class<T> componentType(Provider<T> provider) {
        Class<?> found = search(provider.getClass(), new HashMap<>());
        if (found == null) {
            throw new IllegalStateException(provider.getClass().getName() + " does not give Provider a class as its"
                    + " type argument; override type()");
        }
        return (Class<T>) found;
    }

    /**
     * The class that {@code type} (with its type variables bound as {@code bound} says) gives as
     * {@code Provider}'s argument, or {@code null}.
     */
    private static Class<?> search(Type type, Map<TypeVariable<?>, Type> bound) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> here = new HashMap<>(bound);
        if (type instanceof ParameterizedType p) {
            raw = (Class<?>) p.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                here.put(variables[i], resolve(arguments[i], bound));
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (raw == Provider.class) {
            Type argument = here.get(Provider.class.getTypeParameters()[0]);
            if (argument instanceof Class<?> k) {
                return k;
            }
            return argument instanceof ParameterizedType pk && pk.getRawType() instanceof Class<?> k ? k : null;
        }
        for (Type t : raw.getGenericInterfaces()) {
            Class<?> found = search(t, here);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null || superclass == Object.class ? null : search(superclass, here);
    }

    private static Type resolve(Type t, Map<TypeVariable<?>, Type> bound) {
        return t instanceof TypeVariable<?> v && bound.containsKey(v) ? bound.get(v) : t;
    }
}
