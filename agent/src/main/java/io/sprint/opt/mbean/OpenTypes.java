package io.sprint.opt.mbean;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The one place a record becomes open data: its components, in order, are the composite's
 * items, named in snake case ({@code gcPauseP50Ms} → {@code gc_pause_p50_ms}); booleans, ints,
 * longs, doubles and strings keep their open type, enums read as their {@code toString()}, and a
 * list of records is an array of composites. So JConsole, or any JMX client, reads the agent with
 * no sprint-opt class, and the types are fixed by the record, not guessed from a sample.
 */
final class OpenTypes {
    private final Map<Class<?>, CompositeType> types = new LinkedHashMap<>();

    /** The composite type of {@code record}, with {@code description}. */
    CompositeType of(Class<? extends Record> record, String description) throws OpenDataException {
        CompositeType known = types.get(record);
        if (known != null) {
            return known;
        }
        RecordComponent[] components = record.getRecordComponents();
        String[] names = new String[components.length];
        OpenType<?>[] openTypes = new OpenType<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = snakeCase(components[i].getName());
            openTypes[i] = openType(components[i].getGenericType());
        }
        CompositeType type = new CompositeType(record.getSimpleName(), description, names, names, openTypes);
        types.put(record, type);
        return type;
    }

    /** The array type of a list of {@code record}. */
    ArrayType<CompositeData[]> arrayOf(Class<? extends Record> record, String description) throws OpenDataException {
        return new ArrayType<>(1, of(record, description));
    }

    CompositeData data(Record value) throws OpenDataException {
        CompositeType type = of(value.getClass(), value.getClass().getSimpleName());
        Map<String, Object> items = new LinkedHashMap<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            items.put(snakeCase(component.getName()), openValue(read(component, value)));
        }
        return new CompositeDataSupport(type, items);
    }

    CompositeData[] data(List<? extends Record> values) throws OpenDataException {
        CompositeData[] data = new CompositeData[values.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = data(values.get(i));
        }
        return data;
    }

    static String snakeCase(String camel) {
        StringBuilder name = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                name.append('_');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    @SuppressWarnings("unchecked")
    private OpenType<?> openType(Type type) throws OpenDataException {
        if (type == boolean.class) {
            return SimpleType.BOOLEAN;
        } else if (type == int.class) {
            return SimpleType.INTEGER;
        } else if (type == long.class) {
            return SimpleType.LONG;
        } else if (type == double.class) {
            return SimpleType.DOUBLE;
        } else if (type == String.class || (type instanceof Class && ((Class<?>) type).isEnum())) {
            return SimpleType.STRING;
        } else if (type instanceof ParameterizedType && ((ParameterizedType) type).getRawType() == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (element instanceof Class && ((Class<?>) element).isRecord()) {
                Class<? extends Record> record = (Class<? extends Record>) element;
                return arrayOf(record, record.getSimpleName());
            }
        }
        throw new OpenDataException("no open type for " + type.getTypeName());
    }

    @SuppressWarnings("unchecked")
    private Object openValue(Object value) throws OpenDataException {
        if (value instanceof Enum) {
            return value.toString();
        }
        if (value instanceof List) {
            return data((List<? extends Record>) value);
        }
        return value;
    }

    private static Object read(RecordComponent component, Record value) throws OpenDataException {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new OpenDataException("cannot read " + component.getName() + ": " + e);
        }
    }
}
