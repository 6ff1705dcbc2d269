package io.sprint.opt.e2e;

import com.sun.tools.jconsole.JConsoleContext;
import com.sun.tools.jconsole.JConsolePlugin;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.management.ObjectName;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;

/**
 * A JConsole plugin that does what a user does once JConsole has connected: opens the MBeans
 * tab, expands {@code io.sprint.opt} → {@code Optimizer}, selects its Attributes, then takes a
 * screenshot and writes what the attribute table shows, and what the same connection reads from
 * the MBean, to files for {@link JConsoleTest}. Only public Swing API: JConsole's own classes are
 * found as the components they are (a tabbed pane, a tree, a table).
 */
public final class JConsoleProbe extends JConsolePlugin {
    static final String OUT = "sprint.opt.jconsole.out";
    private static final long STEP_TIMEOUT_MS = 30_000;
    /** The button of JConsole's "Secure connection failed. Retry insecurely?" (a local pid's connector has no SSL). */
    private static final String INSECURE = "Insecure connection";

    /** JConsole makes one instance at start: the walk begins then, before the connection. */
    public JConsoleProbe() {
        Thread walk = new Thread(this::walk, "jconsole-probe");
        walk.setDaemon(true);
        walk.start();
    }

    @Override
    public Map<String, JPanel> getTabs() {
        return Collections.emptyMap();
    }

    @Override
    public SwingWorker<?, ?> newSwingWorker() {
        return null;
    }

    private void walk() {
        Path out = Path.of(System.getProperty(OUT));
        List<String> report = new ArrayList<>();
        try {
            Frame frame = await("JConsole's window", () -> {
                for (Frame f : Frame.getFrames()) {
                    if (f.isShowing()) {
                        return f;
                    }
                }
                return null;
            });
            onEdt(() -> {
                frame.setBounds(0, 0, 1100, 700);
                return null;
            });
            // what a user answers when JConsole, having tried SSL first, asks about a local pid
            await("the connection", () -> {
                JButton insecure = first(frame, JButton.class, b -> b.isShowing() && INSECURE.equals(b.getText()));
                if (insecure != null) {
                    insecure.doClick();
                    report.add("clicked=" + INSECURE);
                }
                return getContext() != null
                        && getContext().getConnectionState() == JConsoleContext.ConnectionState.CONNECTED ? true : null;
            });
            JTabbedPane tabs = await("the MBeans tab", () -> first(frame, JTabbedPane.class, t -> t.indexOfTab("MBeans") >= 0));
            onEdt(() -> {
                tabs.setSelectedIndex(tabs.indexOfTab("MBeans"));
                return null;
            });
            JTree tree = await("the MBean tree", () -> first(frame, JTree.class, t -> t.isShowing()));
            TreePath optimizer = await("io.sprint.opt / Optimizer in the tree", () -> {
                TreePath domain = child(tree, new TreePath(tree.getModel().getRoot()), "io.sprint.opt");
                return domain == null ? null : child(tree, domain, "Optimizer");
            });
            onEdt(() -> {
                tree.expandPath(optimizer.getParentPath());
                tree.expandPath(optimizer);
                return null;
            });
            TreePath attributes = await("the Optimizer's Attributes node", () -> child(tree, optimizer, "Attributes"));
            onEdt(() -> {
                tree.setSelectionPath(attributes);
                return null;
            });
            JTable table = await("the attribute table with Level", () -> first(frame, JTable.class,
                    t -> t.isShowing() && row(t, "Level") >= 0 && t.getValueAt(row(t, "Level"), 1) != null));
            Thread.sleep(1500); // let the table's values paint before the screenshot
            onEdt(() -> {
                for (int i = 0; i < table.getRowCount(); i++) {
                    report.add("table." + table.getValueAt(i, 0) + "=" + table.getValueAt(i, 1));
                }
                return null;
            });
            Object level = getContext().getMBeanServerConnection()
                    .getAttribute(new ObjectName("io.sprint.opt:type=Optimizer"), "Level");
            report.add("connection.Level=" + level);
            Rectangle bounds = onEdt(frame::getBounds);
            BufferedImage shot = new Robot().createScreenCapture(bounds);
            ImageIO.write(shot, "png", out.resolve("jconsole.png").toFile());
            report.add("done");
        } catch (Exception | AssertionError e) {
            report.add("failed=" + e);
        }
        try {
            Files.write(out.resolve("report.txt"), report);
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private static int row(JTable table, String name) {
        for (int i = 0; i < table.getRowCount(); i++) {
            if (name.equals(String.valueOf(table.getValueAt(i, 0)))) {
                return i;
            }
        }
        return -1;
    }

    /** The child of {@code parent} whose label is {@code label}, or null. */
    private static TreePath child(JTree tree, TreePath parent, String label) {
        Object node = parent.getLastPathComponent();
        if (!(node instanceof DefaultMutableTreeNode)) {
            return null;
        }
        Enumeration<?> children = ((DefaultMutableTreeNode) node).children();
        while (children.hasMoreElements()) {
            Object child = children.nextElement();
            if (label.equals(String.valueOf(child))) {
                return parent.pathByAddingChild(child);
            }
        }
        return null;
    }

    private static <T extends Component> T first(Container root, Class<T> type, Predicate<T> test) {
        for (Component c : root.getComponents()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return type.cast(c);
            }
            if (c instanceof Container) {
                T found = first((Container) c, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Polls {@code probe} on the event thread until it returns something. */
    private static <T> T await(String what, Supplier<T> probe) throws Exception {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (true) {
            T found = onEdt(probe::get);
            if (found != null) {
                return found;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("JConsole never showed " + what + "; windows: " + List.of(Window.getWindows()));
            }
            Thread.sleep(200);
        }
    }

    private static <T> T onEdt(Supplier<T> action) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> result.set(action.get()));
        return result.get();
    }
}
