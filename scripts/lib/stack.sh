# shellcheck shell=bash
# The local stack: MariaDB, Redis, Kafka (KRaft) and Elasticsearch on 127.0.0.1, data under var/.
# Sourced by ./portcullis. Each service has: port, pidfile, log, healthy, start. See docs/adr/002.

PC_SERVICES=(mysql redis kafka elasticsearch)
PC_KAFKA_VERSION=4.1.1
PC_ES_VERSION=8.19.21

pc_stack_dirs() {
  mkdir -p "$PORTCULLIS_VAR"/{run,log,dist}
  PC_RUN="$PORTCULLIS_VAR/run"
  PC_LOG="$PORTCULLIS_VAR/log"
  PC_DIST="$PORTCULLIS_VAR/dist"
}

# ---- per-service facts ------------------------------------------------------------------------
svc_port() {
  case $1 in
    mysql) echo "$PORTCULLIS_MYSQL_PORT" ;; redis) echo "$PORTCULLIS_REDIS_PORT" ;;
    kafka) echo "$PORTCULLIS_KAFKA_PORT" ;; elasticsearch) echo "$PORTCULLIS_ES_PORT" ;;
  esac
}
svc_port_setting() {
  case $1 in
    mysql) echo PORTCULLIS_MYSQL_PORT ;; redis) echo PORTCULLIS_REDIS_PORT ;;
    kafka) echo PORTCULLIS_KAFKA_PORT ;; elasticsearch) echo PORTCULLIS_ES_PORT ;;
  esac
}
svc_pidfile() {
  case $1 in
    elasticsearch) echo "$PORTCULLIS_VAR/elasticsearch/elasticsearch.pid" ;;
    *) echo "$PC_RUN/$1.pid" ;;
  esac
}
svc_log() {
  case $1 in
    # Elasticsearch names its own log after the cluster name.
    elasticsearch) echo "$PC_LOG/elasticsearch/portcullis.log" ;;
    *) echo "$PC_LOG/$1.log" ;;
  esac
}
pc_is_service() { local s; for s in "${PC_SERVICES[@]}"; do [[ $s == "$1" ]] && return 0; done; return 1; }

# ---- health: a query through each service's own protocol ---------------------------------------
pc_mysql_socket() {
  local sock="$PC_RUN/mysql.sock"
  (( ${#sock} > 100 )) && sock="/tmp/portcullis-mysql-$PORTCULLIS_MYSQL_PORT.sock"
  echo "$sock"
}
svc_healthy() {
  case $1 in
    mysql)
      [[ "$(mariadb --no-defaults --protocol=socket --socket="$(pc_mysql_socket)" -uroot -N -B \
            -e 'SELECT 1' 2>/dev/null)" == 1 ]] ;;
    redis)
      [[ "$(redis-cli -h 127.0.0.1 -p "$PORTCULLIS_REDIS_PORT" ping 2>/dev/null)" == PONG ]] ;;
    kafka)
      pc_kafka_probe_ready && "$JAVA_HOME/bin/java" -cp "$PC_DIST/probe:$PC_DIST/kafka-$PC_KAFKA_VERSION/libs/*" \
        KafkaProbe "127.0.0.1:$PORTCULLIS_KAFKA_PORT" >/dev/null 2>&1 ;;
    elasticsearch)
      curl -fsS --max-time 3 "http://127.0.0.1:$PORTCULLIS_ES_PORT/_cluster/health?timeout=2s" 2>/dev/null \
        | grep -Eq '"status":"(green|yellow)"' ;;
  esac
}

# ---- distributions --------------------------------------------------------------------------------
pc_ensure_packages() {
  local -a missing=()
  command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  (( ${#missing[@]} == 0 )) && return 0
  if [[ $EUID -ne 0 ]]; then
    pc_err "the local stack needs Debian packages that are not installed: ${missing[*]}"
    pc_info "Install them, then run again:  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  pc_step "installing Debian packages: ${missing[*]} (first run only)"
  pc_apt_install "${missing[@]}"
  # The packages' own service units must not run: the launcher runs its own instances.
  command -v systemctl >/dev/null 2>&1 && systemctl disable --now mariadb redis-server >/dev/null 2>&1 || true
}

pc_ensure_dists() {
  if [[ -f "$PC_DIST/kafka-$PC_KAFKA_VERSION/libs/kafka_2.13-$PC_KAFKA_VERSION.jar" \
        && -x "$PC_DIST/elasticsearch-$PC_ES_VERSION/bin/elasticsearch" ]]; then
    pc_kafka_compile_probe
    return 0
  fi
  pc_require_maven
  pc_step "fetching Kafka $PC_KAFKA_VERSION and Elasticsearch $PC_ES_VERSION from Maven Central (first run only)"
  local start; start=$(pc_now_ms)
  if ! mvn -B -q -ntp -f "$PORTCULLIS_HOME/stack/pom.xml" package -Dportcullis.dist="$PC_DIST" \
        >"$PC_LOG/stack-dist.log" 2>&1; then
    tail -n 30 "$PC_LOG/stack-dist.log" >&2
    pc_die 1 "could not lay out the stack distributions; see $PC_LOG/stack-dist.log"
  fi
  pc_info "    done in $(pc_elapsed "$start")"
  pc_kafka_compile_probe
}

pc_kafka_probe_ready() { [[ -f "$PC_DIST/probe/KafkaProbe.class" ]]; }
pc_kafka_compile_probe() {
  local src="$PORTCULLIS_HOME/scripts/probe/KafkaProbe.java"
  if [[ ! -f "$PC_DIST/probe/KafkaProbe.class" || "$src" -nt "$PC_DIST/probe/KafkaProbe.class" ]]; then
    mkdir -p "$PC_DIST/probe"
    "$JAVA_HOME/bin/javac" -nowarn -d "$PC_DIST/probe" -cp "$PC_DIST/kafka-$PC_KAFKA_VERSION/libs/*" "$src" \
      || pc_die 1 "could not compile the Kafka health probe ($src)"
  fi
}

# ---- start -----------------------------------------------------------------------------------------
svc_start_mysql() {
  local data="$PORTCULLIS_VAR/mysql/data" binlog="$PORTCULLIS_VAR/mysql/binlog" log
  log=$(svc_log mysql)
  local -a as_user=()
  [[ $EUID -eq 0 ]] && as_user=(--user=root)
  mkdir -p "$binlog"
  if [[ ! -d "$data/mysql" ]]; then
    mkdir -p "$data"
    if ! mariadb-install-db --no-defaults --datadir="$data" "${as_user[@]}" \
          --auth-root-authentication-method=normal --skip-test-db >"$PC_LOG/mysql-install.log" 2>&1; then
      tail -n 20 "$PC_LOG/mysql-install.log" >&2
      return 1
    fi
  fi
  # Durable settings: flush the redo log and sync the binary log at every commit.
  setsid mariadbd --no-defaults --datadir="$data" "${as_user[@]}" \
    --bind-address=127.0.0.1 --port="$PORTCULLIS_MYSQL_PORT" --socket="$(pc_mysql_socket)" \
    --pid-file="$(svc_pidfile mysql)" --log-error="$log" \
    --innodb-flush-log-at-trx-commit=1 --innodb-doublewrite=1 \
    --log-bin="$binlog/mariadb-bin" --server-id=1 --sync-binlog=1 --binlog-format=ROW \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --skip-name-resolve --max-connections=600 --innodb-buffer-pool-size=256M \
    </dev/null >>"$log" 2>&1 9>&- &
  disown
}

# After MariaDB answers: the application user and database (idempotent).
pc_mysql_provision() {
  mariadb --no-defaults --protocol=socket --socket="$(pc_mysql_socket)" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'portcullis'@'127.0.0.1' IDENTIFIED BY 'portcullis';
CREATE USER IF NOT EXISTS 'portcullis'@'localhost' IDENTIFIED BY 'portcullis';
GRANT ALL PRIVILEGES ON *.* TO 'portcullis'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO 'portcullis'@'localhost';
CREATE DATABASE IF NOT EXISTS portcullis CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
SQL
}

svc_start_redis() {
  mkdir -p "$PORTCULLIS_VAR/redis"
  redis-server --bind 127.0.0.1 --port "$PORTCULLIS_REDIS_PORT" --protected-mode yes \
    --dir "$PORTCULLIS_VAR/redis" --appendonly yes --appendfsync everysec \
    --daemonize yes --pidfile "$(svc_pidfile redis)" --logfile "$(svc_log redis)" >/dev/null 9>&-
}

svc_start_kafka() {
  local home="$PORTCULLIS_VAR/kafka" libs="$PC_DIST/kafka-$PC_KAFKA_VERSION/libs" log
  log=$(svc_log kafka)
  mkdir -p "$home/data"
  cat >"$home/server.properties" <<EOF
# Written by ./portcullis stack up on every start; change the PORTCULLIS_KAFKA_* settings instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$PORTCULLIS_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORTCULLIS_KAFKA_PORT,CONTROLLER://127.0.0.1:$PORTCULLIS_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORTCULLIS_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$home/data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
unclean.leader.election.enable=false
EOF
  cat >"$home/log4j2.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = WARN
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
EOF
  if [[ ! -f "$home/data/meta.properties" ]]; then
    [[ -f "$home/cluster.id" ]] || "$JAVA_HOME/bin/java" -cp "$libs/*" kafka.tools.StorageTool random-uuid \
      2>/dev/null | tail -n 1 >"$home/cluster.id"
    if ! "$JAVA_HOME/bin/java" -Dlog4j2.configurationFile="$home/log4j2.properties" -cp "$libs/*" \
          kafka.tools.StorageTool format -t "$(cat "$home/cluster.id")" -c "$home/server.properties" \
          --ignore-formatted >>"$log" 2>&1; then
      return 1
    fi
  fi
  setsid "$JAVA_HOME/bin/java" -Xms256m -Xmx"$PORTCULLIS_KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$home/log4j2.properties" -Dkafka.logs.dir="$PC_LOG" \
    -cp "$libs/*" kafka.Kafka "$home/server.properties" </dev/null >>"$log" 2>&1 9>&- &
  echo $! >"$(svc_pidfile kafka)"
  disown
}

# Elasticsearch refuses to run as root: as root, the launcher runs it as a system user of its own.
pc_es_user_prepare() {
  [[ $EUID -ne 0 ]] && return 0
  local user=$PORTCULLIS_ES_USER
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$user" \
      || pc_die 1 "could not create the system user '$user' for Elasticsearch (setting PORTCULLIS_ES_USER)"
  fi
  chown -R "$user" "$PORTCULLIS_VAR/elasticsearch" "$PC_LOG/elasticsearch"
  if ! runuser -u "$user" -- test -x "$PC_DIST/elasticsearch-$PC_ES_VERSION/bin/elasticsearch"; then
    pc_err "user '$user' cannot reach $PC_DIST/elasticsearch-$PC_ES_VERSION: a parent folder of the"
    pc_err "repository is closed to other users. Clone Portcullis under a folder others may traverse"
    pc_die 1 "(chmod o+x on each parent), or set PORTCULLIS_VAR to such a folder."
  fi
}

svc_start_elasticsearch() {
  local dist="$PC_DIST/elasticsearch-$PC_ES_VERSION" home="$PORTCULLIS_VAR/elasticsearch"
  mkdir -p "$home/data" "$PC_LOG/elasticsearch"
  if [[ ! -d "$home/config" ]]; then cp -r "$dist/config" "$home/config"; fi
  mkdir -p "$home/config/jvm.options.d"
  cat >"$home/config/elasticsearch.yml" <<EOF
# Written by ./portcullis stack up on every start; change the PORTCULLIS_ES_* settings instead.
cluster.name: portcullis
node.name: portcullis-1
path.data: $home/data
path.logs: $PC_LOG/elasticsearch
network.host: 127.0.0.1
http.port: $PORTCULLIS_ES_PORT
transport.port: $PORTCULLIS_ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: true
EOF
  printf -- '-Xms%s\n-Xmx%s\n' "$PORTCULLIS_ES_HEAP" "$PORTCULLIS_ES_HEAP" >"$home/config/jvm.options.d/portcullis.options"
  pc_es_user_prepare
  local -a run_as=()
  [[ $EUID -eq 0 ]] && run_as=(runuser -u "$PORTCULLIS_ES_USER" --)
  mkdir -p "$home/tmp"
  [[ $EUID -eq 0 ]] && chown "$PORTCULLIS_ES_USER" "$home/tmp"
  "${run_as[@]}" env -u JAVA_HOME ES_JAVA_HOME="$(pc_es_java_home)" ES_PATH_CONF="$home/config" ES_TMPDIR="$home/tmp" \
    "$dist/bin/elasticsearch" -d -p "$(svc_pidfile elasticsearch)" >"$PC_LOG/elasticsearch-start.log" 2>&1 9>&-
}

# The JDK Elasticsearch runs on: PORTCULLIS_ES_JAVA_HOME, else the build JDK.
pc_es_java_home() { echo "${PORTCULLIS_ES_JAVA_HOME:-$JAVA_HOME}"; }

svc_log_tail() {
  local svc=$1 log
  log=$(svc_log "$svc")
  if [[ $svc == elasticsearch && -s "$PC_LOG/elasticsearch-start.log" ]]; then
    pc_err "output of the Elasticsearch start script ($PC_LOG/elasticsearch-start.log):"
    tail -n 30 "$PC_LOG/elasticsearch-start.log" | sed 's/^/    /' >&2
  fi
  pc_err "last lines of $log:"
  tail -n 30 "$log" 2>/dev/null | sed 's/^/    /' >&2
}

# ---- commands --------------------------------------------------------------------------------------
# svc_up NAME: start one service unless it is already healthy; print one progress line.
svc_up() {
  local svc=$1 port pidfile start
  port=$(svc_port "$svc"); pidfile=$(svc_pidfile "$svc"); start=$(pc_now_ms)
  printf '  %-14s 127.0.0.1:%-6s ' "$svc" "$port"
  if pc_pid_alive "$pidfile" && svc_healthy "$svc"; then
    printf '%salready up%s (pid %s)\n' "$PC_GREEN" "$PC_OFF" "$(pc_pid_of "$pidfile")"
    return 0
  fi
  if ! pc_pid_alive "$pidfile"; then
    local p setting
    for p in "$port" $( [[ $svc == kafka ]] && echo "$PORTCULLIS_KAFKA_CONTROLLER_PORT" ) \
             $( [[ $svc == elasticsearch ]] && echo "$PORTCULLIS_ES_TRANSPORT_PORT" ); do
      if pc_port_open "$p"; then
        setting=$(svc_port_setting "$svc")
        [[ $p == "$PORTCULLIS_KAFKA_CONTROLLER_PORT" && $svc == kafka ]] && setting=PORTCULLIS_KAFKA_CONTROLLER_PORT
        [[ $p == "$PORTCULLIS_ES_TRANSPORT_PORT" && $svc == elasticsearch ]] && setting=PORTCULLIS_ES_TRANSPORT_PORT
        printf '%sfailed%s\n' "$PC_RED" "$PC_OFF"
        pc_die 1 "port $p, needed by $svc, is already taken by another process; choose a free port with $setting (environment or portcullis.env)"
      fi
    done
    printf 'starting... '
    if ! "svc_start_$svc"; then
      printf '%sfailed%s\n' "$PC_RED" "$PC_OFF"; svc_log_tail "$svc"; return 1
    fi
  else
    printf 'waiting... '
  fi
  if ! pc_wait_for "$svc to answer on 127.0.0.1:$port" "$PORTCULLIS_WAIT_SECONDS" svc_healthy "$svc"; then
    printf '%sfailed%s\n' "$PC_RED" "$PC_OFF"; svc_log_tail "$svc"; return 1
  fi
  [[ $svc == mysql ]] && { pc_mysql_provision || { pc_err "could not create the portcullis user in MariaDB"; return 1; }; }
  printf '%sup%s (pid %s, %s)\n' "$PC_GREEN" "$PC_OFF" "$(pc_pid_of "$pidfile")" "$(pc_elapsed "$start")"
}

pc_stack_lock() {
  exec 9>"$PC_RUN/stack.lock"
  flock -w "$PORTCULLIS_WAIT_SECONDS" 9 || pc_die 1 "another ./portcullis stack command holds $PC_RUN/stack.lock"
}

pc_stack_up() {
  local -a wanted=("$@")
  (( ${#wanted[@]} == 0 )) && wanted=("${PC_SERVICES[@]}")
  pc_stack_external && { pc_info "PORTCULLIS_STACK=external: the services run elsewhere; nothing to start."; return 0; }
  pc_stack_dirs
  pc_find_jdk
  pc_ensure_packages
  pc_ensure_dists
  pc_stack_lock
  pc_step "starting the local stack (data in $PORTCULLIS_VAR)"
  local svc
  for svc in "${wanted[@]}"; do svc_up "$svc" || pc_die 1 "$svc did not start; fix what the log above says, then run ./portcullis stack up again"; done
}

pc_stack_down() {
  local -a wanted=("$@")
  (( ${#wanted[@]} == 0 )) && wanted=(elasticsearch kafka redis mysql)
  pc_stack_external && { pc_info "PORTCULLIS_STACK=external: the services run elsewhere; nothing to stop."; return 0; }
  pc_stack_dirs
  pc_stack_lock
  pc_step "stopping the local stack"
  local svc
  for svc in "${wanted[@]}"; do
    printf '  %-14s ' "$svc"
    if pc_pid_alive "$(svc_pidfile "$svc")"; then
      pc_stop_pid "$svc" "$(svc_pidfile "$svc")"; printf 'stopped\n'
    else
      rm -f "$(svc_pidfile "$svc")"; printf 'not running\n'
    fi
  done
}

# pc_stack_status: print each service and exit non-zero if any is down.
pc_stack_status() {
  pc_stack_dirs
  pc_find_jdk
  local svc down=0 pid health
  printf '%-14s %-16s %-8s %s\n' SERVICE ADDRESS PID HEALTH
  for svc in "${PC_SERVICES[@]}"; do
    pid=$(pc_pid_of "$(svc_pidfile "$svc")"); pc_pid_alive "$(svc_pidfile "$svc")" || pid="-"
    if svc_healthy "$svc"; then health="${PC_GREEN}up${PC_OFF}"
    elif [[ $pid != "-" ]]; then health="${PC_RED}not answering${PC_OFF}"; down=1
    else health="${PC_RED}down${PC_OFF}"; down=1; fi
    printf '%-14s %-16s %-8s %s\n' "$svc" "127.0.0.1:$(svc_port "$svc")" "$pid" "$health"
  done
  (( down == 0 )) || { pc_info "${PC_DIM}start what is down with: ./portcullis stack up${PC_OFF}"; return 1; }
}

# pc_stack_running_services: the names of the services that answer now.
pc_stack_running_services() {
  local svc
  for svc in "${PC_SERVICES[@]}"; do pc_pid_alive "$(svc_pidfile "$svc")" && svc_healthy "$svc" && echo "$svc"; done
  return 0
}

pc_stack_logs() {
  local svc=${1:-} follow=${2:-}
  [[ -z "$svc" ]] && pc_die 2 "usage: ./portcullis stack logs SERVICE [--follow]   (SERVICE: ${PC_SERVICES[*]})"
  pc_is_service "$svc" || pc_die 2 "unknown service '$svc'; choose one of: ${PC_SERVICES[*]}"
  pc_stack_dirs
  local log; log=$(svc_log "$svc")
  [[ -f "$log" ]] || pc_die 1 "$svc has no log yet ($log); has it been started? ./portcullis stack up"
  if [[ "$follow" == --follow || "$follow" == -f ]]; then tail -n 100 -F "$log"; else tail -n 100 "$log"; fi
}

pc_stack_reset() {
  local yes=${1:-}
  pc_stack_dirs
  if [[ "$yes" != --yes ]]; then
    if [[ -t 0 ]]; then
      read -r -p "This stops the stack and deletes all its data under $PORTCULLIS_VAR. Type 'reset' to go on: " answer
      [[ "$answer" == reset ]] || pc_die 1 "nothing was deleted"
    else
      pc_die 2 "reset deletes all data of the local stack; confirm with: ./portcullis stack reset --yes"
    fi
  fi
  pc_stack_down
  pc_step "deleting the stack's data (distributions in $PC_DIST are kept)"
  rm -rf "$PORTCULLIS_VAR"/{mysql,redis,kafka,elasticsearch} "$PC_LOG"
  rm -f "$(pc_mysql_socket)"
  pc_info "done: the next ./portcullis stack up starts from empty services"
}

pc_stack_external() { [[ "$PORTCULLIS_STACK" == external ]]; }
