# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME when it is new enough, else the newest JDK under the usual install
# folders, else the `java` on PATH. Fails with a clear message when none qualifies.

kamerstroom_java_major() { # $1 = JDK home; prints its feature version, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

kamerstroom_find_jdk() {
  local required=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(kamerstroom_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -d "$candidate" ] || continue
    major=$(kamerstroom_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "kamerstroom: no JDK $required or newer found (JAVA_HOME=${JAVA_HOME:-unset}, java on PATH: $(java -version 2>&1 | head -n 1))." >&2
    echo "kamerstroom: install one (e.g. 'apt-get install openjdk-21-jdk') or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

kamerstroom_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
