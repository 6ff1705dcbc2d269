#!/usr/bin/env bash
# Builds, without any image registry, the two base images the Dockerfile takes as build args, and
# prints them as shell assignments:
#   eval "$(src/docker/local-bases.sh)"
#   docker build --build-arg BUILD_BASE=$BUILD_BASE --build-arg RUNTIME_BASE=$RUNTIME_BASE \
#       --build-arg MAVEN_FLAGS=-o -t sprint-opt .
# RUNTIME_BASE stands in for debian:bookworm-slim: Debian's minbase, made by mmdebstrap from
# Debian's own archive. BUILD_BASE stands in for the Maven image: minbase with Debian's JDK 17
# (jmods included, for jlink) and Maven, plus a Maven repository holding exactly what the
# Dockerfile's `mvn package` resolves, because nothing inside a container reaches Maven Central
# here. The repository is filled from this machine's ~/.m2 when it has everything (after
# `mvn verify` it does), else from Maven Central. Images already built are kept: the root
# filesystems by name, the repository layer by a hash of the POMs.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUITE=bookworm
SOURCES=("deb http://deb.debian.org/debian $SUITE main"
         "deb http://deb.debian.org/debian $SUITE-updates main"
         "deb http://deb.debian.org/debian-security $SUITE-security main")
RUNTIME=sprint-opt-local/runtime:$SUITE
JDK=sprint-opt-local/jdk17-maven:$SUITE
BUILD=sprint-opt-local/build:$(cat pom.xml agent/pom.xml agent-test-app/pom.xml src/e2e/pom.xml | sha256sum | cut -c1-12)

have() { docker image inspect "$1" >/dev/null 2>&1; }

# a root filesystem from Debian's packages, imported as an image (no Dockerfile, no FROM)
rootfs() {
    local image=$1; shift
    have "$image" && return 0
    echo "building $image with mmdebstrap" >&2
    mmdebstrap --quiet --variant=minbase "$@" "$SUITE" - "${SOURCES[@]}" | docker import - "$image" >/dev/null
}

maven_repository() {
    local context=$1 settings
    mkdir -p "$context/src"
    cp pom.xml "$context/src/"
    for module in agent agent-test-app src/e2e; do
        mkdir -p "$context/src/$module" && cp "$module/pom.xml" "$context/src/$module/"
    done
    cp -r agent/src "$context/src/agent/" && cp -r agent-test-app/src "$context/src/agent-test-app/"
    settings="$context/host-repository.xml"
    cat > "$settings" <<XML
<settings><mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf>
<url>file://$HOME/.m2/repository</url></mirror></mirrors></settings>
XML
    # the Dockerfile's own command, run here where the network (or ~/.m2) is; the mirror is named
    # central because offline Maven trusts only artifacts recorded as coming from a repository of that id
    local build=(mvn -B -q -Dmaven.repo.local="$context/repository" -DskipTests -pl agent,agent-test-app -am package)
    (cd "$context/src" && "${build[@]}" -s "$settings" >/dev/null 2>&1) \
        || (cd "$context/src" && "${build[@]}" >&2)
    rm -rf "$context/src" "$settings"
}

rootfs "$RUNTIME" &
runtime_job=$!
rootfs "$JDK" --include=openjdk-17-jdk-headless,maven
wait "$runtime_job"

if ! have "$BUILD"; then
    echo "building $BUILD: $JDK and a Maven repository for the Dockerfile's build" >&2
    context=$(mktemp -d)
    trap 'rm -rf "$context"' EXIT
    maven_repository "$context"
    printf 'FROM %s\nCOPY repository /root/.m2/repository\n' "$JDK" > "$context/Dockerfile"
    docker build -q -t "$BUILD" "$context" >/dev/null
fi
echo "BUILD_BASE=$BUILD"
echo "RUNTIME_BASE=$RUNTIME"
