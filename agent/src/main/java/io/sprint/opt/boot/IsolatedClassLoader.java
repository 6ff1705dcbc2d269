package io.sprint.opt.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Serves the agent's hidden classes ({@code inst/**.classdata}) and resources ({@code inst/**})
 * from sprint-opt.jar. Its parent is the platform class loader, so the application's class path
 * is never consulted: the agent cannot pick up the application's Byte Buddy, JNA or Micrometer,
 * nor the application ours. JDK modules defined to the application loader (jdk.attach for the
 * CLI) are reached through the boot module layer.
 */
final class IsolatedClassLoader extends ClassLoader {
    static final String PREFIX = "inst/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUri;
    private final ProtectionDomain domain;
    private volatile Map<String, ClassLoader> modulePackages;

    IsolatedClassLoader(Path jarPath) {
        super("sprint-opt", ClassLoader.getPlatformClassLoader());
        try {
            this.jar = new JarFile(jarPath.toFile(), false);
            this.jarUri = jarPath.toUri().toString();
            CodeSource source = new CodeSource(jarPath.toUri().toURL(), (Certificate[]) null);
            this.domain = new ProtectionDomain(source, null, this, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + jarPath, e);
        }
    }

    /**
     * The jar's own classes first: asking the platform loader for each of them first (the usual
     * parent-first order) costs a failed search and a ClassNotFoundException per class, some 220
     * times before a level is in force. Only java.* stays parent-first: no loader but the boot and
     * platform ones may define it, and the thread hook's bridge class, stored in the jar, is
     * defined into java.base (see pin.ThreadHook) and must be found there.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                JarEntry entry = name.startsWith("java.") ? null
                        : jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
                loaded = entry != null ? define(name, entry) : super.loadClass(name, false);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Reached only for what neither the jar nor the platform loader has. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return findInJdkModule(name);
    }

    private Class<?> define(String name, JarEntry entry) throws ClassNotFoundException {
        try (InputStream in = jar.getInputStream(entry)) {
            // one array of the size the jar states: readAllBytes reads in chunks and copies them
            long size = entry.getSize();
            byte[] bytes = size < 0 ? in.readAllBytes() : new byte[(int) size];
            if (size >= 0 && in.readNBytes(bytes, 0, bytes.length) != size) {
                throw new ClassNotFoundException(name + ": truncated in " + jarUri);
            }
            return defineClass(name, bytes, 0, bytes.length, domain);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private Class<?> findInJdkModule(String name) throws ClassNotFoundException {
        int dot = name.lastIndexOf('.');
        ClassLoader owner = dot < 0 ? null : modulePackages().get(name.substring(0, dot));
        if (owner == null) {
            throw new ClassNotFoundException(name);
        }
        return owner.loadClass(name);
    }

    private Map<String, ClassLoader> modulePackages() {
        Map<String, ClassLoader> packages = modulePackages;
        if (packages == null) {
            packages = new HashMap<>();
            for (Module module : ModuleLayer.boot().modules()) {
                ClassLoader owner = module.getClassLoader();
                if (owner != null && owner != getParent()) {
                    for (String pkg : module.getPackages()) {
                        packages.put(pkg, owner);
                    }
                }
            }
            modulePackages = packages;
        }
        return packages;
    }

    /**
     * Where a resource is stored: class files under their hidden name, so that tools reading
     * class bytes as resources (Byte Buddy's advice) find the agent's own.
     */
    private static String entryName(String name) {
        return name.endsWith(".class") ? PREFIX + name.substring(0, name.length() - ".class".length()) + ".classdata"
                : PREFIX + name;
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getJarEntry(entryName(name)) == null) {
            return null;
        }
        try {
            return URI.create("jar:" + jarUri + "!/" + entryName(name)).toURL();
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** Straight from the open jar: a jar: URL connection costs milliseconds at start-up. */
    @Override
    public InputStream getResourceAsStream(String name) {
        JarEntry entry = jar.getJarEntry(entryName(name));
        if (entry == null) {
            return super.getResourceAsStream(name);
        }
        try {
            return jar.getInputStream(entry);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
