package io.sprint.opt.e2e.probe;

import java.util.logging.LogManager;

/** The log manager of a JBoss-Modules-shaped application: loadable only from its module. */
public final class ModuleLogManager extends LogManager {
}
