# sprint-opt: the agent and the relay test app in one image.
#   docker build -t sprint-opt .
#   docker run --rm --cap-add SYS_NICE --cap-add IPC_LOCK --ulimit rtprio=99 --ulimit memlock=-1 sprint-opt
# Not built by this project's CI (its machines run no Docker engine); see README. The container
# tests (src/e2e ContainerTest, skipped without Docker) build and run it.

# --- build: the reactor's agent and test app, tests skipped (they run in CI, outside Docker);
# then a JRE of our own with jlink: the runtime modules plus jdk.attach and jdk.jcmd, so that
# `java -jar sprint-opt.jar health 1` (a Kubernetes exec probe), `status` and `jcmd` work inside.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY agent/pom.xml agent/
COPY agent-test-app/pom.xml agent-test-app/
COPY src/e2e/pom.xml src/e2e/
COPY agent/src agent/src
COPY agent-test-app/src agent-test-app/src
RUN mvn -B -q -DskipTests -pl agent,agent-test-app -am package
RUN jlink --add-modules java.se,jdk.attach,jdk.jcmd,jdk.management,jdk.management.agent,jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
        --strip-debug --no-man-pages --no-header-files --output /opt/jre

# --- runtime: that JRE and the two jars on a slim Debian
FROM debian:bookworm-slim
COPY --from=build /opt/jre /opt/jre
COPY --from=build /src/agent/target/sprint-opt.jar /opt/sprint-opt/sprint-opt.jar
COPY --from=build /src/agent-test-app/target/agent-test-app.jar /opt/sprint-opt/agent-test-app.jar
ENV PATH=/opt/jre/bin:$PATH
# JAVA_TOOL_OPTIONS reaches every JVM in the container, the way a Kubernetes Deployment sets it
# (commands run beside the app, like the health probe, unset it: see src/k8s).
ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/sprint-opt/sprint-opt.jar=level=enterprise,pin=relay-*,metrics=0.0.0.0:9464 --enable-native-access=ALL-UNNAMED"
EXPOSE 9464
ENTRYPOINT ["java", "-jar", "/opt/sprint-opt/agent-test-app.jar"]
CMD ["--duration", "1h", "--rate", "5000"]
