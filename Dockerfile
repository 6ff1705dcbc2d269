# sprint-opt: the agent and the relay test app in one image, built from source.
#   docker build -t sprint-opt .
#   docker run --rm --cap-add SYS_NICE --cap-add IPC_LOCK --ulimit rtprio=99 --ulimit memlock=-1 sprint-opt
# The bases are build args, public images by default. Where no registry is reachable (this
# project's CI), src/docker/local-bases.sh builds both from Debian's packages, and the build runs
# Maven offline from the repository that comes with its build base:
#   eval "$(src/docker/local-bases.sh)"
#   docker build --build-arg BUILD_BASE=$BUILD_BASE --build-arg RUNTIME_BASE=$RUNTIME_BASE --build-arg MAVEN_FLAGS=-o .
# src/e2e's ContainerTest builds this file and runs it with CPU, memory and real-time limits.
ARG BUILD_BASE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_BASE=debian:bookworm-slim

# --- build: the reactor's agent and test app, tests skipped (they run in CI, outside Docker);
# then a JRE of our own with jlink: the runtime modules plus jdk.attach and jdk.jcmd, so that
# `java -jar sprint-opt.jar health 1` (a Kubernetes exec probe), `status` and `jcmd` work inside,
# and jdk.jfr for sprint-opt's JFR events (the agent runs without it too: PremainTest).
FROM ${BUILD_BASE} AS build
ARG MAVEN_FLAGS=
WORKDIR /src
COPY pom.xml ./
COPY agent/pom.xml agent/
COPY agent-test-app/pom.xml agent-test-app/
COPY src/e2e/pom.xml src/e2e/
COPY agent/src agent/src
COPY agent-test-app/src agent-test-app/src
RUN mvn -B -q $MAVEN_FLAGS -DskipTests -pl agent,agent-test-app -am package
RUN jlink --add-modules java.se,jdk.attach,jdk.jcmd,jdk.jfr,jdk.management,jdk.management.agent,jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
        --strip-java-debug-attributes --no-man-pages --no-header-files --output /opt/jre

# --- runtime: that JRE and the two jars on a slim Debian
FROM ${RUNTIME_BASE}
COPY --from=build /opt/jre /opt/jre
COPY --from=build /src/agent/target/sprint-opt.jar /opt/sprint-opt/sprint-opt.jar
COPY --from=build /src/agent-test-app/target/agent-test-app.jar /opt/sprint-opt/agent-test-app.jar
ENV PATH=/opt/jre/bin:$PATH
# C.UTF-8 (in glibc itself): without a locale the JVM writes "?" for every non-ASCII character
ENV LANG=C.UTF-8
# JAVA_TOOL_OPTIONS reaches every JVM in the container, the way a Kubernetes Deployment sets it
# (commands run beside the app, like the health probe, unset it: see src/k8s).
ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/sprint-opt/sprint-opt.jar=level=enterprise,pin=relay-*,metrics=0.0.0.0:9464 --enable-native-access=ALL-UNNAMED"
EXPOSE 9464
ENTRYPOINT ["java", "-jar", "/opt/sprint-opt/agent-test-app.jar"]
CMD ["--duration", "1h", "--rate", "5000"]
