package io.sprint.opt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNestedValuesAndEscapes() throws Exception {
        CompositeType type = new CompositeType("t", "t", new String[] {"name", "tid"}, new String[] {"n", "t"},
                new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG});
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("level", "turbo");
        status.put("applied", true);
        status.put("fraction", 0.25);
        status.put("nan", Double.NaN);
        status.put("threads", new Object[] {new CompositeDataSupport(type, Map.of("name", "relay-\"0\"\n", "tid", 42L))});
        status.put("list", List.of(1, 2));
        status.put("detail", "40/70 \u2192 10/20 \u00b5s");
        assertEquals("{\"level\":\"turbo\",\"applied\":true,\"fraction\":0.25,\"nan\":null,"
                + "\"threads\":[{\"name\":\"relay-\\\"0\\\"\\n\",\"tid\":42}],\"list\":[1,2],"
                + "\"detail\":\"40/70 \\u2192 10/20 \\u00b5s\"}", Json.write(status));
    }
}
