# sprint-opt: the agent and the relay test app in one image.
#   docker build -t sprint-opt .
#   docker run --rm --cap-add SYS_NICE --cap-add IPC_LOCK --ulimit rtprio=99 --ulimit memlock=-1 sprint-opt
# Not built by this project's CI (its machines run no Docker engine); see README.

# --- build: the reactor's agent and test app, tests skipped (they run in CI, outside Docker)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY agent/pom.xml agent/
COPY agent-test-app/pom.xml agent-test-app/
COPY src/e2e/pom.xml src/e2e/
COPY agent/src agent/src
COPY agent-test-app/src agent-test-app/src
RUN mvn -B -q -DskipTests -pl agent,agent-test-app -am package

# --- runtime: a JRE with the two jars
FROM eclipse-temurin:17-jre
COPY --from=build /src/agent/target/sprint-opt.jar /opt/sprint-opt/sprint-opt.jar
COPY --from=build /src/agent-test-app/target/agent-test-app.jar /opt/sprint-opt/agent-test-app.jar
# JAVA_TOOL_OPTIONS reaches every JVM in the container, the way a Kubernetes Deployment sets it.
ENV JAVA_TOOL_OPTIONS="-javaagent:/opt/sprint-opt/sprint-opt.jar=level=enterprise,pin=relay-* --enable-native-access=ALL-UNNAMED"
ENTRYPOINT ["java", "-jar", "/opt/sprint-opt/agent-test-app.jar"]
CMD ["--duration", "60s"]
