package nl.wijkzaken.models.internal;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;

/**
 * The beans an expression can resolve: only the allow-listed names, each looked up in the Spring context when an
 * expression first needs it (the beans themselves need the engine, so they cannot be collected before it is
 * built). Given to the engine as its {@code beans}: every other name resolves to a process variable or nothing.
 */
final class AllowedBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Set<String> names;

    AllowedBeans(ApplicationContext context, Collection<String> names) {
        this.context = context;
        this.names = Set.copyOf(names);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name) && context.containsBean(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().filter(this::containsKey)
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
