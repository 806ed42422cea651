#!/usr/bin/env bash
# Starts, describes and stops the real servers that integration tests run against, each on a free
# loopback port, with data in one temp dir. Usage: servers.sh start [SERVICE... | all] | stop | env
# Services: redis postgres minio elasticsearch dovecot. Writes $STATE_DIR/env (CUSTODIAN_TEST_*).
set -euo pipefail
set +m # background jobs must share our process group so `setsid` never forks and `$!` is the server

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STATE_DIR=${STATE_DIR:-$REPO/.infra}
CACHE_DIR=${CUSTODIAN_INFRA_CACHE:-$HOME/.cache/custodian-infra}
RUN_USER=custodian-infra
ES_VERSION=${CUSTODIAN_ES_VERSION:-9.2.4}
ALL_SERVICES=(redis postgres minio elasticsearch dovecot)
S3_USER=custodian
S3_PASSWORD=custodian-secret
IMAP_USERS=(support@example.com sales@example.com agent@example.com)
IMAP_PASSWORD=secret

log() { printf 'infra: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

# Prints the last lines of each log so a failed start explains itself.
fail_service() {
  local name=$1 msg=$2
  shift 2
  log "$name: FAILED: $msg"
  local f
  for f in "$@"; do
    [[ -s $f ]] || continue
    printf '  --- %s (last 40 lines) ---\n' "$f" >&2
    tail -n 40 "$f" | sed "s/^/  $name| /" >&2
  done
  return 1
}

# Runs a command as the unprivileged service user from a directory it can enter.
as_user() {
  local dir=$1
  shift
  (cd "$dir" && runuser -u "$RUN_USER" -- "$@")
}

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

service_alive() {
  local pid
  pid=$(cat "$STATE_DIR/$1.pid" 2>/dev/null) || return 1
  pid_alive "$pid" && [[ -s $STATE_DIR/$1.env ]]
}

# Polls CMD every 0.3 s until it succeeds, the watched pid dies, or the timeout passes.
wait_until() {
  local timeout=$1 pid=$2
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! pid_alive "$pid"; then return 2; fi
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

free_ports() {
  node -e '
    const net = require("node:net");
    const n = Number(process.argv[1]);
    const servers = [];
    for (let i = 0; i < n; i++) {
      const s = net.createServer();
      s.listen(0, "127.0.0.1", () => {
        servers.push(s);
        if (servers.length === n) {
          console.log(servers.map((x) => x.address().port).join(" "));
          for (const x of servers) x.close();
        }
      });
    }' "$1"
}

http_ok() { curl -fsS --max-time 5 -o /dev/null "$1"; }

pg_bindir() {
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [[ -n $d && -x $d/initdb ]] && echo "$d"
}

minio_bin() {
  local gobin
  gobin=$(go env GOBIN 2>/dev/null || true)
  [[ -n $gobin ]] || gobin="$(go env GOPATH)/bin"
  echo "$gobin/minio"
}

java_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null || true)
  [[ -n $v ]] || v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

# ES 9 needs Java >= 21 and we compile a small plugin, so the first full JDK >= 21 wins.
find_jdk() {
  local j major
  for j in ${ES_JAVA_HOME:-} ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [[ -x $j/bin/java && -x $j/bin/javac ]] || continue
    major=$(java_major "$j")
    [[ $major =~ ^[0-9]+$ ]] && ((major >= 21)) && {
      echo "$j"
      return 0
    }
  done
  return 1
}

ensure_packages() {
  local want=() s
  for s in "$@"; do
    case $s in
      redis) command -v redis-server >/dev/null || want+=(redis-server) ;;
      postgres) pg_bindir >/dev/null || want+=(postgresql) ;;
      dovecot) command -v dovecot >/dev/null || want+=(dovecot-imapd) ;;
      elasticsearch)
        command -v mvn >/dev/null || want+=(maven)
        command -v unzip >/dev/null || want+=(unzip)
        ;;
    esac
  done
  command -v curl >/dev/null || want+=(curl)
  ((${#want[@]})) || return 0
  log "installing ${want[*]} (apt-get)"
  # Keep package scripts from starting the system-wide services; we run our own instances.
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "${want[@]}"
  } >&2 || rc=$?
  ((made_policy)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install ${want[*]} failed"
}

ensure_user() {
  id -u "$RUN_USER" >/dev/null 2>&1 && return 0
  log "creating system user $RUN_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER" ||
    id -u "$RUN_USER" >/dev/null 2>&1 || die "cannot create user $RUN_USER"
}

# ---------------------------------------------------------------------------------------------- redis

redis_ping() {
  local port=$1 line
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'PING\r\n' >&3
  IFS= read -r -t 2 line <&3 || true
  exec 3>&-
  [[ $line == +PONG* ]]
}

start_redis() {
  local port=$1 dir=$ROOT/redis
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 ||
    fail_service redis "redis-server exited" "$dir/redis.log" || return 1
  wait_until 10 "" test -s "$dir/redis.pid" || fail_service redis "no pid file" "$dir/redis.log" || return 1
  local pid
  pid=$(cat "$dir/redis.pid")
  echo "$pid" >"$STATE_DIR/redis.pid"
  wait_until 10 "$pid" redis_ping "$port" || fail_service redis "no PONG on port $port" "$dir/redis.log" || return 1
  echo "export CUSTODIAN_TEST_REDIS_URL=redis://127.0.0.1:$port" >"$STATE_DIR/redis.env"
  log "redis ready on 127.0.0.1:$port"
}

# ------------------------------------------------------------------------------------------- postgres

start_postgres() {
  local port=$1 dir=$ROOT/postgres bin
  bin=$(pg_bindir) || fail_service postgres "no PostgreSQL binaries under /usr/lib/postgresql" || return 1
  mkdir -p "$dir"
  printf 'custodian\n' >"$dir/pwfile"
  chmod 600 "$dir/pwfile"
  chown -R "$RUN_USER:" "$dir"
  as_user "$dir" "$bin/initdb" -D "$dir/data" -U custodian --pwfile="$dir/pwfile" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || fail_service postgres "initdb failed" "$dir/initdb.log" || return 1
  # Throwaway data: durability settings off make schema-heavy tests much faster.
  as_user "$dir" setsid "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start </dev/null >"$dir/pg_ctl.log" 2>&1 || fail_service postgres "pg_ctl start failed" "$dir/pg_ctl.log" "$dir/postgres.log" || return 1
  head -n 1 "$dir/data/postmaster.pid" >"$STATE_DIR/postgres.pid"
  PGPASSWORD=custodian "$bin/createdb" -h 127.0.0.1 -p "$port" -U custodian custodian >"$dir/createdb.log" 2>&1 ||
    fail_service postgres "createdb custodian failed" "$dir/createdb.log" "$dir/postgres.log" || return 1
  echo "export CUSTODIAN_TEST_PG_URL=postgres://custodian:custodian@127.0.0.1:$port/custodian" >"$STATE_DIR/postgres.env"
  log "postgres ready on 127.0.0.1:$port"
}

# ---------------------------------------------------------------------------------------------- minio

start_minio() {
  local port=$1 console_port=$2 dir=$ROOT/minio bin
  bin=$(minio_bin)
  if [[ ! -x $bin ]]; then
    log "minio: building with go install (first time only, takes minutes)"
    go install github.com/minio/minio@latest >"$ROOT/minio-build.log" 2>&1 ||
      fail_service minio "go install failed" "$ROOT/minio-build.log" || return 1
  fi
  mkdir -p "$dir/data"
  MINIO_ROOT_USER=$S3_USER MINIO_ROOT_PASSWORD=$S3_PASSWORD MINIO_BROWSER=off MINIO_UPDATE=off \
    setsid "$bin" server "$dir/data" --address "127.0.0.1:$port" --console-address "127.0.0.1:$console_port" \
    </dev/null >"$dir/minio.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$STATE_DIR/minio.pid"
  local rc=0
  wait_until 60 "$pid" http_ok "http://127.0.0.1:$port/minio/health/live" || rc=$?
  ((rc == 0)) || fail_service minio "not live on port $port (rc $rc)" "$dir/minio.log" || return 1
  {
    echo "export CUSTODIAN_TEST_S3_ENDPOINT=http://127.0.0.1:$port"
    echo "export CUSTODIAN_TEST_S3_ACCESS_KEY=$S3_USER"
    echo "export CUSTODIAN_TEST_S3_SECRET_KEY=$S3_PASSWORD"
  } >"$STATE_DIR/minio.env"
  log "minio ready on 127.0.0.1:$port"
}

# -------------------------------------------------------------------------------------- elasticsearch

# Fetches (Maven Central), unpacks and, when analysis-common is absent, builds the CJK plugin, once.
# Prints the unpacked home and the plugin dir (may be empty), one per line.
es_prepare() {
  local jdk=$1 home=$CACHE_DIR/elasticsearch-$ES_VERSION zip=$CACHE_DIR/elasticsearch-$ES_VERSION.zip
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/.lock"
  flock -w 900 9 || return 1
  if [[ ! -x $home/bin/elasticsearch ]]; then
    if [[ ! -s $zip ]]; then
      log "elasticsearch: fetching $ES_VERSION from Maven Central"
      (cd "$CACHE_DIR" && mvn -B -q dependency:copy \
        -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
        -DoutputDirectory="$CACHE_DIR" -Dstyle.color=never) >"$CACHE_DIR/mvn.log" 2>&1 || {
        sed "s/\x1b\[[0-9;]*m//g" "$CACHE_DIR/mvn.log" | grep -m 3 ERROR >&2 || tail -n 20 "$CACHE_DIR/mvn.log" >&2
        return 1
      }
    fi
    rm -rf "$CACHE_DIR/unpack"
    unzip -q "$zip" -d "$CACHE_DIR/unpack" || return 1
    mv "$CACHE_DIR/unpack/elasticsearch-$ES_VERSION" "$home"
    rm -rf "$CACHE_DIR/unpack"
  fi
  local plugin=""
  if [[ ! -d $home/modules/analysis-common ]]; then
    local src=$HERE/elasticsearch-cjk/CjkAnalysisPlugin.java key
    key=$(cat "$src" <(echo "$ES_VERSION $(java_major "$jdk")") | sha256sum | cut -c1-16)
    plugin=$CACHE_DIR/cjk-plugin-$key
    if [[ ! -s $plugin/custodian-analysis-cjk.jar ]]; then
      log "elasticsearch: building the cjk analysis plugin"
      rm -rf "$plugin.tmp" && mkdir -p "$plugin.tmp/classes"
      "$jdk/bin/javac" --release 21 -nowarn -cp "$home/lib/*" -d "$plugin.tmp/classes" "$src" >&2 || return 1
      "$jdk/bin/jar" cf "$plugin.tmp/custodian-analysis-cjk.jar" -C "$plugin.tmp/classes" . || return 1
      rm -rf "$plugin.tmp/classes"
      cat >"$plugin.tmp/plugin-descriptor.properties" <<EOF
description=CJK analyzer and filters (cjk, cjk_bigram, cjk_width) for distributions without analysis-common
version=$ES_VERSION
name=custodian-analysis-cjk
classname=org.custodian.analysis.CjkAnalysisPlugin
java.version=21
elasticsearch.version=$ES_VERSION
EOF
      rm -rf "$plugin" && mv "$plugin.tmp" "$plugin"
    fi
  fi
  flock -u 9
  printf '%s\n%s\n' "$home" "$plugin"
}

es_health() {
  curl -fsS --max-time 5 "http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&timeout=3s" |
    grep -Eq '"status":"(green|yellow)"'
}

es_cjk_ok() {
  local out
  out=$(curl -fsS --max-time 10 -H 'content-type: application/json' "http://127.0.0.1:$1/_analyze" \
    -d '{"analyzer":"cjk","text":"申请退款"}') || return 1
  [[ $out == *'"token":"申请"'* && $out == *'"token":"退款"'* ]]
}

start_elasticsearch() {
  local port=$1 transport_port=$2 dir=$ROOT/elasticsearch jdk prepared src_home plugin
  jdk=$(find_jdk) || fail_service elasticsearch "no JDK >= 21 under /usr/lib/jvm (set ES_JAVA_HOME)" || return 1
  prepared=$(es_prepare "$jdk") || fail_service elasticsearch "could not fetch/unpack Elasticsearch $ES_VERSION" || return 1
  src_home=$(sed -n 1p <<<"$prepared")
  plugin=$(sed -n 2p <<<"$prepared")
  mkdir -p "$dir"/{data,logs,tmp}
  cp -a "$src_home" "$dir/home"
  if [[ -n $plugin ]]; then cp -a "$plugin" "$dir/home/plugins/custodian-analysis-cjk"; fi
  cp -a "$dir/home/config" "$dir/config"
  {
    echo "cluster.name: custodian-test"
    echo "node.name: custodian-test"
    echo "discovery.type: single-node"
    echo "network.host: 127.0.0.1"
    echo "http.port: $port"
    echo "transport.port: $transport_port"
    echo "path.data: $dir/data"
    echo "path.logs: $dir/logs"
    echo "cluster.routing.allocation.disk.threshold_enabled: false"
    echo "action.destructive_requires_name: false"
    if [[ -d $dir/home/modules/x-pack-security ]]; then echo "xpack.security.enabled: false"; fi
  } >>"$dir/config/elasticsearch.yml"
  chown -R "$RUN_USER:" "$dir"
  log "elasticsearch: starting (java $(java_major "$jdk"))"
  as_user "$dir" env HOME="$dir" ES_JAVA_HOME="$jdk" JAVA_HOME="$jdk" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    ES_PATH_CONF="$dir/config" ES_TMPDIR="$dir/tmp" \
    setsid "$dir/home/bin/elasticsearch" -d -p "$dir/es.pid" </dev/null >"$dir/stdout.log" 2>&1 ||
    fail_service elasticsearch "did not start" "$dir/stdout.log" "$dir/logs/custodian-test.log" || return 1
  local pid
  pid=$(cat "$dir/es.pid" 2>/dev/null) || fail_service elasticsearch "no pid file" "$dir/stdout.log" || return 1
  echo "$pid" >"$STATE_DIR/elasticsearch.pid"
  local rc=0
  wait_until 120 "$pid" es_health "$port" || rc=$?
  ((rc == 0)) || fail_service elasticsearch "cluster not yellow/green on port $port (rc $rc)" \
    "$dir/stdout.log" "$dir/logs/custodian-test.log" || return 1
  es_cjk_ok "$port" || fail_service elasticsearch "the cjk analyzer does not produce bigrams" \
    "$dir/logs/custodian-test.log" || return 1
  echo "export CUSTODIAN_TEST_ES_URL=http://127.0.0.1:$port" >"$STATE_DIR/elasticsearch.env"
  log "elasticsearch ready on 127.0.0.1:$port"
}

# -------------------------------------------------------------------------------------------- dovecot

imap_login_ok() {
  local port=$1 user=$2 line
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  IFS= read -r -t 3 line <&3 || true
  if [[ $line != '* OK'* ]]; then
    exec 3>&-
    return 1
  fi
  printf 'a1 LOGIN %s %s\r\n' "$user" "$IMAP_PASSWORD" >&3
  while IFS= read -r -t 5 line <&3; do [[ $line == a1\ * ]] && break; done
  printf 'a2 LOGOUT\r\n' >&3
  exec 3>&-
  [[ $line == 'a1 OK'* ]]
}

start_dovecot() {
  local port=$1 dir=$ROOT/dovecot uid gid u
  uid=$(id -u "$RUN_USER")
  gid=$(id -g "$RUN_USER")
  mkdir -p "$dir/mail" "$dir/state"
  chown "$RUN_USER:" "$dir/mail"
  : >"$dir/users"
  for u in "${IMAP_USERS[@]}"; do echo "$u:{PLAIN}$IMAP_PASSWORD::::::" >>"$dir/users"; done
  cat >"$dir/dovecot.conf" <<EOF
# Generated by infra/local/servers.sh: a throwaway IMAP server for tests (plaintext on loopback).
protocols = imap
listen = 127.0.0.1
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = $uid
last_valid_uid = 0
mail_location = maildir:~/Maildir
postmaster_address = postmaster@example.com
lda_mailbox_autocreate = yes
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dir/mail/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
EOF
  dovecot -c "$dir/dovecot.conf" </dev/null >"$dir/start.log" 2>&1 ||
    fail_service dovecot "dovecot exited" "$dir/start.log" "$dir/dovecot.log" || return 1
  wait_until 10 "" test -s "$dir/run/master.pid" || fail_service dovecot "no master.pid" "$dir/dovecot.log" || return 1
  local pid
  pid=$(cat "$dir/run/master.pid")
  echo "$pid" >"$STATE_DIR/dovecot.pid"
  wait_until 10 "$pid" imap_login_ok "$port" "${IMAP_USERS[0]}" ||
    fail_service dovecot "LOGIN ${IMAP_USERS[0]} refused on port $port" "$dir/dovecot.log" || return 1
  local list=""
  for u in "${IMAP_USERS[@]}"; do list+="${list:+,}$u:$IMAP_PASSWORD"; done
  {
    echo "export CUSTODIAN_TEST_IMAP_HOST=127.0.0.1"
    echo "export CUSTODIAN_TEST_IMAP_PORT=$port"
    echo "export CUSTODIAN_TEST_IMAP_USERS=$list"
    echo "export CUSTODIAN_TEST_DOVECOT_CONFIG=$dir/dovecot.conf"
  } >"$STATE_DIR/dovecot.env"
  log "dovecot ready on 127.0.0.1:$port"
}

# ---------------------------------------------------------------------------------------------- main

write_env() {
  local s
  {
    echo "# Written by infra/local/servers.sh; source with: set -a; . $STATE_DIR/env; set +a"
    for s in "${ALL_SERVICES[@]}"; do
      if service_alive "$s"; then cat "$STATE_DIR/$s.env"; fi
    done
  } >"$STATE_DIR/env.tmp"
  mv "$STATE_DIR/env.tmp" "$STATE_DIR/env"
}

cmd_start() {
  [[ $EUID -eq 0 ]] || die "run as root: it installs packages and runs servers as the $RUN_USER user"
  local want=() s
  if (($# == 0)) || [[ $1 == all ]]; then want=("${ALL_SERVICES[@]}"); else want=("$@"); fi
  for s in "${want[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $s "* ]] || die "unknown service '$s' (known: ${ALL_SERVICES[*]} all)"
  done
  command -v go >/dev/null || PATH=$PATH:/usr/local/go/bin
  mkdir -p "$STATE_DIR"
  ROOT=$(cat "$STATE_DIR/root" 2>/dev/null || true)
  if [[ -z $ROOT || ! -d $ROOT ]]; then
    ROOT=$(mktemp -d "${TMPDIR:-/tmp}/custodian-infra.XXXXXX")
    chmod 755 "$ROOT" # the service users must reach their own dirs inside
    echo "$ROOT" >"$STATE_DIR/root"
  fi
  local todo=()
  for s in "${want[@]}"; do
    if service_alive "$s"; then
      log "$s already running (pid $(cat "$STATE_DIR/$s.pid"))"
    else
      # A half-started earlier attempt may still hold its process; end it before starting afresh.
      if [[ -s $STATE_DIR/$s.pid ]]; then stop_pid "$s" "$(cat "$STATE_DIR/$s.pid")"; fi
      rm -rf "${ROOT:?}/$s" "$STATE_DIR/$s.env" "$STATE_DIR/$s.pid"
      todo+=("$s")
    fi
  done
  if ((${#todo[@]})); then
    ensure_packages "${todo[@]}"
    ensure_user
    local ports jobs=() names=() i=0
    read -r -a ports <<<"$(free_ports 7)"
    for s in "${todo[@]}"; do
      case $s in
        redis) start_redis "${ports[0]}" & ;;
        postgres) start_postgres "${ports[1]}" & ;;
        minio) start_minio "${ports[2]}" "${ports[3]}" & ;;
        elasticsearch) start_elasticsearch "${ports[4]}" "${ports[5]}" & ;;
        dovecot) start_dovecot "${ports[6]}" & ;;
      esac
      jobs+=("$!")
      names+=("$s")
    done
    local failed=()
    for i in "${!jobs[@]}"; do
      wait "${jobs[$i]}" || failed+=("${names[$i]}")
    done
    write_env
    if ((${#failed[@]})); then
      die "could not start: ${failed[*]} (the others keep running; 'servers.sh stop' ends them)"
    fi
  fi
  write_env
  log "env: $STATE_DIR/env"
}

# Ends one service: its pid file first, then whatever still runs from its data dir.
stop_pid() {
  local name=$1 pid=$2 sig=TERM
  [[ $name == postgres ]] && sig=INT # fast shutdown: roll back open transactions, don't wait for clients
  pid_alive "$pid" || return 0
  kill -s "$sig" "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if pid_alive "$pid"; then
    log "$name: pid $pid ignored SIG$sig, killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# Processes whose command line names our temp dir are ours even if a pid file went missing.
leftover_pids() {
  local root=$1 p cmd
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [[ $p == "$$" ]] && continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline") || continue
    if [[ $cmd == *"$root/"* ]]; then echo "$p"; fi
  done
  return 0
}

cmd_stop() {
  local root s pid pids=()
  root=$(cat "$STATE_DIR/root" 2>/dev/null || true)
  for s in "${ALL_SERVICES[@]}"; do
    pid=$(cat "$STATE_DIR/$s.pid" 2>/dev/null || true)
    if [[ -n $pid ]]; then
      stop_pid "$s" "$pid" &
      pids+=("$!")
    fi
  done
  for pid in "${pids[@]}"; do wait "$pid" || true; done
  if [[ -n $root && -d $root ]]; then
    local left
    left=$(leftover_pids "$root")
    if [[ -n $left ]]; then
      log "ending leftovers: ${left//$'\n'/ }"
      # shellcheck disable=SC2086
      kill -TERM $left 2>/dev/null || true
      sleep 2
      left=$(leftover_pids "$root")
      # shellcheck disable=SC2086
      [[ -z $left ]] || kill -KILL $left 2>/dev/null || true
    fi
    rm -rf "$root"
  fi
  for s in "${ALL_SERVICES[@]}"; do rm -f "$STATE_DIR/$s.pid" "$STATE_DIR/$s.env"; done
  rm -f "$STATE_DIR/env" "$STATE_DIR/env.tmp" "$STATE_DIR/root"
  log "stopped"
}

cmd_env() {
  [[ -s $STATE_DIR/env ]] || die "no servers running (no $STATE_DIR/env); run: servers.sh start"
  cat "$STATE_DIR/env"
}

case ${1:-} in
  start) shift && cmd_start "$@" ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  *) die "usage: servers.sh start [redis|postgres|minio|elasticsearch|dovecot ...|all] | stop | env" ;;
esac
