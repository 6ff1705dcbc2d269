package io.sprint.opt.mbean;

import io.sprint.opt.action.ActionRecord;
import io.sprint.opt.action.Drift;
import io.sprint.opt.pin.PinnedThreadRow;
import io.sprint.opt.stats.Stats;
import io.sprint.opt.stats.SystemInfo;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.ArrayType;
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
 * attributes of a given shape; this bean declares them from the records it serves.)
 */
public final class OptimizerMBean implements DynamicMBean {
    public static final String OBJECT_NAME = "io.sprint.opt:type=Optimizer";

    private final OptimizerControl control;
    private final OpenTypes open = new OpenTypes();
    private final MBeanInfo info;

    public OptimizerMBean(OptimizerControl control) throws OpenDataException {
        this.control = control;
        this.info = buildInfo();
    }

    private MBeanInfo buildInfo() throws OpenDataException {
        OpenMBeanAttributeInfo[] attributes = new OpenMBeanAttributeInfo[AttributeName.values().length];
        for (AttributeName attribute : AttributeName.values()) {
            OpenType<?> type = typeOf(attribute);
            attributes[attribute.ordinal()] = new OpenMBeanAttributeInfoSupport(attribute.jmxName(),
                    attribute.description(), type, true, false, type == SimpleType.BOOLEAN);
        }
        CompositeType result = open.of(OptimizerControl.Result.class, "what one apply or restore did: succeeded, the"
                + " level in force right after it, its own action records");
        ArrayType<String[]> strings = ArrayType.getArrayType(SimpleType.STRING);
        OpenMBeanOperationInfo[] operations = {
            operation(Operation.RESTORE, "roll every change back; returns this restore's result", result,
                    MBeanOperationInfo.ACTION),
            new OpenMBeanOperationInfoSupport(Operation.APPLY.jmxName(), "apply options (level=…,…) over the current"
                    + " state; returns this apply's result", new OpenMBeanParameterInfo[] {
                        new OpenMBeanParameterInfoSupport("options", "comma-separated key=value", SimpleType.STRING)},
                    result, MBeanOperationInfo.ACTION),
            operation(Operation.HEALTH_CHECK, "reasons the JVM is unhealthy; empty when healthy", strings,
                    MBeanOperationInfo.INFO),
            operation(Operation.TRIGGER_GC, "run a full GC and report what it freed", SimpleType.STRING,
                    MBeanOperationInfo.ACTION),
            operation(Operation.VERIFY, "read back now every setting the level applied and every pinned thread;"
                    + " returns whether all is in force, and each drift", open.of(OptimizerControl.Verification.class,
                    "what one verify found: in force or not, what was read back, each drift"), MBeanOperationInfo.INFO),
        };
        return new OpenMBeanInfoSupport(OptimizerMBean.class.getName(),
                "sprint-opt: the JVM's latency profile, its actions and live stats", attributes,
                new OpenMBeanConstructorInfo[0], operations, new MBeanNotificationInfo[0]);
    }

    private OpenType<?> typeOf(AttributeName attribute) throws OpenDataException {
        switch (attribute) {
            case APPLIED:
                return SimpleType.BOOLEAN;
            case STATS:
                return open.of(Stats.class, "live statistics (GetStats)");
            case ACTIONS:
                return open.arrayOf(ActionRecord.class, "one change of the level");
            case PINNED_THREADS:
                return open.arrayOf(PinnedThreadRow.class, "a thread pinned to a core");
            case SYSTEM_INFO:
                return open.of(SystemInfo.class, "host and JVM facts (GetSystemInfo)");
            case ADAPTIVE_DECISIONS:
                return ArrayType.getArrayType(SimpleType.STRING);
            case DRIFT:
                return open.arrayOf(Drift.class, "a setting that no longer reads what the level applied");
            default:
                return SimpleType.STRING;
        }
    }

    private static OpenMBeanOperationInfo operation(Operation operation, String description, OpenType<?> type,
                                                    int impact) {
        return new OpenMBeanOperationInfoSupport(operation.jmxName(), description, new OpenMBeanParameterInfo[0], type,
                impact);
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException, MBeanException {
        AttributeName attribute = AttributeName.byName(name);
        if (attribute == null) {
            throw new AttributeNotFoundException(name);
        }
        try {
            switch (attribute) {
                case LEVEL:
                    return control.level();
                case APPLIED:
                    return control.applied();
                case OPTIONS:
                    return control.options();
                case STATS:
                    return open.data(control.stats());
                case ACTIONS:
                    return open.data(control.actions());
                case PINNED_THREADS:
                    return open.data(control.pinnedThreads());
                case SYSTEM_INFO:
                    return open.data(control.systemInfo());
                case DRIFT:
                    return open.data(control.drift());
                default:
                    return control.adaptiveDecisions().toArray(new String[0]);
            }
        } catch (OpenDataException e) {
            throw new MBeanException(new IllegalStateException(e.getMessage()), "cannot render " + name);
        }
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
    public Object invoke(String name, Object[] params, String[] signature) throws ReflectionException, MBeanException {
        Operation operation = Operation.byName(name);
        if (operation == null) {
            throw new ReflectionException(new NoSuchMethodException(name), "no operation " + name);
        }
        try {
            switch (operation) {
                case RESTORE:
                    return open.data(control.restore());
                case APPLY:
                    if (params == null || params.length != 1 || !(params[0] instanceof String)) {
                        throw new IllegalArgumentException("apply takes one String: the options");
                    }
                    return open.data(control.apply((String) params[0]));
                case HEALTH_CHECK:
                    return control.healthCheck().toArray(new String[0]);
                case VERIFY:
                    return open.data(control.verify());
                default:
                    return control.triggerGc();
            }
        } catch (OpenDataException e) {
            throw new MBeanException(new IllegalStateException(e.getMessage()), "cannot render " + name + "'s result");
        }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }
}
