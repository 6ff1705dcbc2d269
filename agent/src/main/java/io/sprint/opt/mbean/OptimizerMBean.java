package io.sprint.opt.mbean;

import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenMBeanAttributeInfo;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfo;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfo;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * {@code io.sprint.opt:type=Optimizer}: an open MBean, so JConsole or any JMX client renders it
 * with no sprint-opt class on its class path. (An MXBean cannot declare CompositeData
 * attributes of a given shape; this bean spells its open types out.)
 */
public final class OptimizerMBean implements DynamicMBean {
    public static final String OBJECT_NAME = "io.sprint.opt:type=Optimizer";

    private final OptimizerControl control;
    private final CompositeType statsType;
    private final CompositeType systemInfoType;
    private final CompositeType actionType;
    private final CompositeType pinnedThreadType;
    private final CompositeType resultType;
    private final MBeanInfo info;

    public OptimizerMBean(OptimizerControl control) throws OpenDataException {
        this.control = control;
        this.statsType = typeOf("Stats", "live statistics (the seed's GetStats)", control.stats());
        this.systemInfoType = typeOf("SystemInfo", "host and JVM facts (the seed's GetSystemInfo)",
                control.systemInfo());
        this.actionType = stringsType("Action", "one change of the level", "name", "target", "status", "detail");
        this.pinnedThreadType = new CompositeType("PinnedThread", "a thread pinned to a core",
                new String[] {"name", "tid", "cpu", "policy"}, new String[] {"thread name", "native thread id",
                        "CPU it is pinned to", "scheduling policy"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.INTEGER, SimpleType.STRING});
        this.resultType = new CompositeType("Result", "what one apply or restore did",
                new String[] {"succeeded", "level", "actions"},
                new String[] {"apply: a level of the request applied; restore: everything restored",
                        "level in force right after this call", "this call's action records"},
                new OpenType<?>[] {SimpleType.BOOLEAN, SimpleType.STRING, new ArrayType<>(1, actionType)});
        this.info = buildInfo();
    }

    private static CompositeType typeOf(String name, String description, Map<String, Object> sample)
            throws OpenDataException {
        String[] keys = sample.keySet().toArray(new String[0]);
        OpenType<?>[] types = new OpenType<?>[keys.length];
        for (int i = 0; i < keys.length; i++) {
            types[i] = simpleType(sample.get(keys[i]));
        }
        return new CompositeType(name, description, keys, keys, types);
    }

    private static SimpleType<?> simpleType(Object value) {
        if (value instanceof Boolean) {
            return SimpleType.BOOLEAN;
        } else if (value instanceof Integer) {
            return SimpleType.INTEGER;
        } else if (value instanceof Long) {
            return SimpleType.LONG;
        } else if (value instanceof Double) {
            return SimpleType.DOUBLE;
        }
        return SimpleType.STRING;
    }

    private static CompositeType stringsType(String name, String description, String... keys)
            throws OpenDataException {
        OpenType<?>[] types = new OpenType<?>[keys.length];
        java.util.Arrays.fill(types, SimpleType.STRING);
        return new CompositeType(name, description, keys, keys, types);
    }

    private MBeanInfo buildInfo() throws OpenDataException {
        OpenMBeanAttributeInfo[] attributes = {
            attribute("Level", "level in force, or none", SimpleType.STRING),
            attribute("Applied", "whether a level is in force", SimpleType.BOOLEAN),
            attribute("Options", "options of the last apply", SimpleType.STRING),
            attribute("Stats", "live statistics", statsType),
            attribute("Actions", "the action ledger of the last apply or restore", new ArrayType<>(1, actionType)),
            attribute("PinnedThreads", "threads pinned to dedicated cores", new ArrayType<>(1, pinnedThreadType)),
            attribute("SystemInfo", "host and JVM facts", systemInfoType),
            attribute("AdaptiveDecisions", "adaptive=true: its last decisions, oldest first",
                    ArrayType.getArrayType(SimpleType.STRING)),
        };
        ArrayType<String[]> strings = ArrayType.getArrayType(SimpleType.STRING);
        OpenMBeanOperationInfo[] operations = {
            operation("restore", "roll every change back; returns this restore's result", resultType,
                    MBeanOperationInfo.ACTION),
            new OpenMBeanOperationInfoSupport("apply", "apply options (level=…,…) over the current state; returns"
                    + " this apply's result", new OpenMBeanParameterInfo[] {new OpenMBeanParameterInfoSupport("options",
                            "comma-separated key=value", SimpleType.STRING)},
                    resultType, MBeanOperationInfo.ACTION),
            operation("healthCheck", "reasons the JVM is unhealthy; empty when healthy", strings,
                    MBeanOperationInfo.INFO),
            operation("triggerGc", "run a full GC and report what it freed", SimpleType.STRING,
                    MBeanOperationInfo.ACTION),
        };
        return new OpenMBeanInfoSupport(OptimizerMBean.class.getName(),
                "sprint-opt: the JVM's latency profile, its actions and live stats", attributes,
                new OpenMBeanConstructorInfo[0], operations, new javax.management.MBeanNotificationInfo[0]);
    }

    private static OpenMBeanAttributeInfo attribute(String name, String description, OpenType<?> type) {
        return new OpenMBeanAttributeInfoSupport(name, description, type, true, false, type == SimpleType.BOOLEAN);
    }

    private static OpenMBeanOperationInfo operation(String name, String description, OpenType<?> type, int impact) {
        return new OpenMBeanOperationInfoSupport(name, description, new OpenMBeanParameterInfo[0], type, impact);
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException, MBeanException {
        try {
            switch (name) {
                case "Level":
                    return control.level();
                case "Applied":
                    return control.applied();
                case "Options":
                    return control.options();
                case "Stats":
                    return composite(statsType, control.stats());
                case "Actions":
                    return composites(actionType, control.actions());
                case "PinnedThreads":
                    return composites(pinnedThreadType, control.pinnedThreads());
                case "SystemInfo":
                    return composite(systemInfoType, control.systemInfo());
                case "AdaptiveDecisions":
                    return control.adaptiveDecisions().toArray(new String[0]);
                default:
                    throw new AttributeNotFoundException(name);
            }
        } catch (OpenDataException e) {
            throw new MBeanException(new IllegalStateException(e.getMessage()), "cannot render " + name);
        }
    }

    private CompositeData result(OptimizerControl.Result result) throws MBeanException {
        try {
            return composite(resultType, Map.of("succeeded", result.succeeded(), "level", result.level(),
                    "actions", composites(actionType, result.actions())));
        } catch (OpenDataException e) {
            throw new MBeanException(new IllegalStateException(e.getMessage()), "cannot render the result");
        }
    }

    private static CompositeData composite(CompositeType type, Map<String, Object> values) throws OpenDataException {
        return new CompositeDataSupport(type, values);
    }

    private static CompositeData[] composites(CompositeType type, List<Map<String, Object>> rows)
            throws OpenDataException {
        CompositeData[] data = new CompositeData[rows.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = composite(type, rows.get(i));
        }
        return data;
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            try {
                list.add(new Attribute(name, getAttribute(name)));
            } catch (AttributeNotFoundException | MBeanException e) {
                // JMX's contract: attributes that cannot be read are left out of the list
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException,
            MBeanException {
        switch (operation) {
            case "restore":
                return result(control.restore());
            case "apply":
                if (params == null || params.length != 1 || !(params[0] instanceof String)) {
                    throw new IllegalArgumentException("apply takes one String: the options");
                }
                return result(control.apply((String) params[0]));
            case "healthCheck":
                return control.healthCheck().toArray(new String[0]);
            case "triggerGc":
                return control.triggerGc();
            default:
                throw new ReflectionException(new NoSuchMethodException(operation), "no operation " + operation);
        }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
