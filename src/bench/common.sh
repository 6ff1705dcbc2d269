# Sourced by the benchmark scripts, from the repository's top directory: the JDK to run
# (JAVA_HOME, else java on the PATH), the built jars (built if missing), the flag that keeps
# JDK 21+ quiet about JNA's native access, and a median.
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f agent/target/sprint-opt.jar ] || mvn -B -q package -DskipTests
app=agent-test-app/target/agent-test-app.jar
agent=${SPRINT_OPT_JAR:-agent/target/sprint-opt.jar}
native=()
if [ "$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')" -ge 21 ]; then
    native=(--enable-native-access=ALL-UNNAMED)
fi
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
