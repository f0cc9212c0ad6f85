package org.salwledger.core.chain;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Axon's Jackson serializer, storing each ledger record's type by its domain name
 * ({@code ItemManufactured}) instead of its Java class name, so that classes may move between
 * packages without orphaning what is stored. Records stored earlier under a class name
 * ({@code org.salwledger.core.item.ItemManufactured}) are still read: by the simple name in it.
 * Everything else (snapshots, tokens) keeps Axon's naming.
 */
public class LedgerEventSerializer extends JacksonSerializer {
    private static final String OUR_CLASSES = "org.salwledger.";

    private final Map<String, String> classByName;

    protected LedgerEventSerializer(Builder builder, Map<String, String> classByName) {
        super(builder);
        this.classByName = Map.copyOf(classByName);
    }

    /** A serializer built by {@code builder} that names {@code recordTypes} by their simple names. */
    public static LedgerEventSerializer of(Builder builder, Collection<Class<?>> recordTypes) {
        Map<String, String> classes = new TreeMap<>();
        for (Class<?> type : recordTypes) {
            if (!LedgerEvent.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type + " is not a ledger record");
            }
            String previous = classes.put(type.getSimpleName(), type.getName());
            if (previous != null && !previous.equals(type.getName())) {
                throw new IllegalStateException("two ledger record types named " + type.getSimpleName() + ": "
                        + previous + " and " + type.getName());
            }
        }
        return new LedgerEventSerializer(builder, classes);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && LedgerEvent.class.isAssignableFrom(type) && classByName.containsKey(type.getSimpleName())) {
            return new SimpleSerializedType(type.getSimpleName(), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType type) {
        String name = type.getName();
        String stored = classByName.get(name.startsWith(OUR_CLASSES) ? simpleName(name) : name);
        return stored != null ? stored : super.resolveClassName(type);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
