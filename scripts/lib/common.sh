# shellcheck shell=bash
# Shared helpers of the ./portcullis launcher: settings, output, JDK discovery, waits with timeouts.
# Sourced by ./portcullis; never run on its own.

# ---------------------------------------------------------------------------------------------
# Settings. Precedence: defaults < portcullis.env (repo root, git-ignored) < environment.
# ---------------------------------------------------------------------------------------------
pc_load_settings() {
  local env_file="$PORTCULLIS_HOME/portcullis.env"
  if [[ -f "$env_file" ]]; then
    # Only KEY=VALUE lines for PORTCULLIS_* settings; the environment still wins.
    local line key value
    while IFS= read -r line || [[ -n "$line" ]]; do
      [[ "$line" =~ ^[[:space:]]*# || -z "${line//[[:space:]]/}" ]] && continue
      if [[ "$line" =~ ^[[:space:]]*(PORTCULLIS_[A-Z0-9_]+)=(.*)$ ]]; then
        key="${BASH_REMATCH[1]}"; value="${BASH_REMATCH[2]}"
        value="${value%\"}"; value="${value#\"}"
        [[ -z "${!key+x}" ]] && export "$key=$value"
      else
        pc_die 2 "portcullis.env: cannot read line '$line' (expected PORTCULLIS_NAME=value)"
      fi
    done < "$env_file"
  fi
  export PORTCULLIS_VAR="${PORTCULLIS_VAR:-$PORTCULLIS_HOME/var}"
  export PORTCULLIS_MYSQL_PORT="${PORTCULLIS_MYSQL_PORT:-13306}"
  export PORTCULLIS_REDIS_PORT="${PORTCULLIS_REDIS_PORT:-16379}"
  export PORTCULLIS_KAFKA_PORT="${PORTCULLIS_KAFKA_PORT:-19092}"
  export PORTCULLIS_KAFKA_CONTROLLER_PORT="${PORTCULLIS_KAFKA_CONTROLLER_PORT:-19093}"
  export PORTCULLIS_ES_PORT="${PORTCULLIS_ES_PORT:-19200}"
  export PORTCULLIS_ES_TRANSPORT_PORT="${PORTCULLIS_ES_TRANSPORT_PORT:-19300}"
  export PORTCULLIS_ES_HEAP="${PORTCULLIS_ES_HEAP:-512m}"
  export PORTCULLIS_KAFKA_HEAP="${PORTCULLIS_KAFKA_HEAP:-768m}"
  export PORTCULLIS_ES_USER="${PORTCULLIS_ES_USER:-portcullis}"
  export PORTCULLIS_WAIT_SECONDS="${PORTCULLIS_WAIT_SECONDS:-120}"
  # local = this launcher runs the services; external = they run elsewhere (see README).
  export PORTCULLIS_STACK="${PORTCULLIS_STACK:-local}"

  local name
  for name in PORTCULLIS_MYSQL_PORT PORTCULLIS_REDIS_PORT PORTCULLIS_KAFKA_PORT \
              PORTCULLIS_KAFKA_CONTROLLER_PORT PORTCULLIS_ES_PORT PORTCULLIS_ES_TRANSPORT_PORT \
              PORTCULLIS_WAIT_SECONDS; do
    if ! [[ "${!name}" =~ ^[0-9]+$ ]] || (( ${!name} < 1 || ${!name} > 65535 )); then
      pc_die 2 "setting $name must be a number from 1 to 65535, was '${!name}'"
    fi
  done
  if [[ "$PORTCULLIS_STACK" != local && "$PORTCULLIS_STACK" != external ]]; then
    pc_die 2 "setting PORTCULLIS_STACK must be 'local' or 'external', was '$PORTCULLIS_STACK'"
  fi
  if ! [[ "$PORTCULLIS_ES_HEAP" =~ ^[0-9]+[mg]$ && "$PORTCULLIS_KAFKA_HEAP" =~ ^[0-9]+[mg]$ ]]; then
    pc_die 2 "settings PORTCULLIS_ES_HEAP and PORTCULLIS_KAFKA_HEAP take a size such as 512m or 1g"
  fi
}

# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
if [[ -t 1 ]]; then PC_BOLD=$'\e[1m'; PC_RED=$'\e[31m'; PC_GREEN=$'\e[32m'; PC_DIM=$'\e[2m'; PC_OFF=$'\e[0m'
else PC_BOLD=""; PC_RED=""; PC_GREEN=""; PC_DIM=""; PC_OFF=""; fi

pc_info() { printf '%s\n' "$*"; }
pc_step() { printf '%s==>%s %s\n' "$PC_BOLD" "$PC_OFF" "$*"; }
pc_warn() { printf '%swarning:%s %s\n' "$PC_RED" "$PC_OFF" "$*" >&2; }
pc_err()  { printf '%serror:%s %s\n' "$PC_RED" "$PC_OFF" "$*" >&2; }
# pc_die CODE MESSAGE: print the message and exit with CODE.
pc_die()  { local code=$1; shift; pc_err "$*"; exit "$code"; }

# The absolute path of a --config settings file; a clear error and exit 2 when there is none (call it as
# args+=(--config "$(pc_config_file "${2:-}")") || exit 2).
pc_config_file() {
  [[ -n "${1:-}" && -f "$1" ]] || pc_die 2 "--config: settings file '${1:-}' not found (start from etc/gateway.properties)"
  echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
}

pc_now_ms() { date +%s%3N; }
pc_elapsed() { local start=$1; local ms=$(( $(pc_now_ms) - start )); printf '%d.%ds' $((ms / 1000)) $(((ms % 1000) / 100)); }

# ---------------------------------------------------------------------------------------------
# JDK: JAVA_HOME first, then the JDKs under /usr/lib/jvm, newest first; it must be 21 or newer.
# ---------------------------------------------------------------------------------------------
pc_java_major() {
  local java=$1 v
  v=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

pc_find_jdk() {
  [[ -n "${PC_JDK_FOUND:-}" ]] && return 0
  local candidate
  local -a candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if [[ -d /usr/lib/jvm ]]; then
    while IFS= read -r candidate; do candidates+=("$candidate"); done \
      < <(find /usr/lib/jvm -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort -Vr)
  fi
  for candidate in "${candidates[@]}"; do
    if [[ -x "$candidate/bin/javac" ]] && (( $(pc_java_major "$candidate/bin/java") >= 21 )); then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      PC_JDK_FOUND=1
      return 0
    fi
  done
  pc_err "no JDK 21 or newer found (looked at JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)."
  pc_info "Install a JDK 21+ (for example the Debian package openjdk-21-jdk where your release has it, or a"
  pc_info "Temurin build), then run again, or point JAVA_HOME at it: JAVA_HOME=/path/to/jdk ./portcullis ..."
  exit 1
}

pc_require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  if [[ $EUID -eq 0 ]]; then
    pc_step "installing Maven (Debian package maven)"
    pc_apt_install maven
  else
    pc_die 1 "Maven is not installed. Install it with: sudo apt-get install -y maven"
  fi
}

# pc_require_chromium: the headless browser of the console's end-to-end test (Debian package chromium), or the one
# PORTCULLIS_CHROMIUM names.
pc_require_chromium() {
  local binary=${PORTCULLIS_CHROMIUM:-/usr/bin/chromium}
  [[ -x $binary ]] && return 0
  [[ -n ${PORTCULLIS_CHROMIUM:-} ]] && pc_die 1 "PORTCULLIS_CHROMIUM=$binary is not an executable file"
  if [[ $EUID -eq 0 ]]; then
    pc_step "installing Chromium for the console's browser test (Debian package chromium)"
    mkdir -p "$PORTCULLIS_VAR/log"
    pc_apt_install chromium
  else
    pc_die 1 "the console's browser test needs Chromium. Install it with: sudo apt-get install -y chromium" \
      "(or set PORTCULLIS_CHROMIUM to a Chromium or Chrome binary)"
  fi
}

# pc_apt_install PKG...: install Debian packages (as root), refreshing the package lists once if needed.
pc_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@" >"$PORTCULLIS_VAR/log/apt.log" 2>&1; then
    pc_info "    refreshing the package lists (apt-get update)"
    apt-get update >>"$PORTCULLIS_VAR/log/apt.log" 2>&1 || true
    apt-get install -y --no-install-recommends "$@" >>"$PORTCULLIS_VAR/log/apt.log" 2>&1 \
      || { tail -n 20 "$PORTCULLIS_VAR/log/apt.log" >&2; pc_die 1 "could not install $*; see $PORTCULLIS_VAR/log/apt.log"; }
  fi
}

# ---------------------------------------------------------------------------------------------
# Processes, ports and waits
# ---------------------------------------------------------------------------------------------
# pc_pid_alive PIDFILE: true when the file names a running process.
pc_pid_alive() {
  local pidfile=$1 pid
  [[ -f "$pidfile" ]] || return 1
  pid=$(tr -dc '0-9' < "$pidfile")
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

pc_pid_of() { if [[ -f "$1" ]]; then tr -dc '0-9' < "$1"; fi; return 0; }

# pc_port_open PORT: true when something listens on 127.0.0.1:PORT.
pc_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pc_wait_for DESCRIPTION TIMEOUT_SECONDS COMMAND...: poll COMMAND until it succeeds, or fail naming what it waited for.
pc_wait_for() {
  local what=$1 timeout=$2; shift 2
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    if (( $(date +%s) >= deadline )); then
      pc_err "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

# pc_stop_pid NAME PIDFILE: SIGTERM, wait up to 60 s, then SIGKILL.
pc_stop_pid() {
  local name=$1 pidfile=$2 pid i
  pid=$(pc_pid_of "$pidfile")
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then rm -f "$pidfile"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 120; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
    sleep 0.5
  done
  pc_warn "$name (pid $pid) did not stop within 60s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}
