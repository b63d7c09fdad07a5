# Sourced by ./mvnw and ./vascalc: sets JAVA_HOME to a JDK >= 21, or explains what is missing.
# Order: JAVA_HOME, the java on PATH, then the system's JVM folders (newest first).
vascalc_java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}
vascalc_find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v javac)"); candidates+=("${c%/bin/javac}")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ /usr/local/lib/jvm/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
    candidates+=("${c%/}")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(vascalc_java_major "$c/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$c"
      return 0
    fi
  done
  echo "VasCalc needs a JDK 21 or newer (java and javac)." >&2
  echo "Looked in: JAVA_HOME=${JAVA_HOME:-<unset>}, the javac on PATH, /usr/lib/jvm/*." >&2
  echo "Install one (Debian: apt-get install openjdk-21-jdk-headless, or any Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}
