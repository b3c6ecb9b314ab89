# Shared helpers of the start scripts (sourced, not run).
info() { printf 'wattwatch: %s\n' "$*"; }
warn() { printf 'wattwatch: warning: %s\n' "$*" >&2; }
fail() { printf 'wattwatch: error: %s\n' "$*" >&2; exit 1; }
usage() { printf 'usage: %s\n%s\n' "$1" "$2" >&2; exit 2; }

local_addresses() { ip -o addr show 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | paste -sd' ' -; }
first_local_address() { ip -o route get 1.1.1.1 2>/dev/null | awk '{for (i=1;i<=NF;i++) if ($i=="src") print $(i+1)}' | head -n1; }
address_is_local() { local_addresses | tr ' ' '\n' | grep -qxF "$1"; }
port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# True when a Kafka broker answers at host:port: sends an ApiVersions v0 request (correlation id 1)
# over bash's /dev/tcp and checks the reply carries correlation id 1 and error code 0. An open port
# alone proves little (proxies and other services accept connections too). The timeout keeps a
# firewalled host that drops packets from hanging us.
kafka_answers() {
  local reply
  reply=$(timeout "$3" bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x01\x00\x02ww" >&3
    head -c 10 <&3 | od -An -tx1' "$1" "$2" 2>/dev/null | tr -d ' \n')
  [[ "${reply:8:12}" == "000000010000" ]]
}

compose_command() {
  if docker compose version >/dev/null 2>&1; then echo "docker compose";
  elif command -v docker-compose >/dev/null 2>&1 && docker info >/dev/null 2>&1; then echo "docker-compose";
  else return 1; fi
}

ensure_env_file() {
  if [[ ! -f "$1" ]]; then
    cp "$1.example" "$1"
    info "created $1 from $1.example; edit it to change settings."
  fi
}

# The API refuses mutating requests (alert acknowledgement) without a token; make one on first start.
ensure_api_token() {
  if ! grep -qE '^API_TOKEN=.+' "$1"; then
    local token
    token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    sed -i '/^API_TOKEN=/d' "$1" && echo "API_TOKEN=$token" >> "$1"
    info "generated an API token in $1 (the dashboard asks for it when acknowledging alerts)."
  fi
}

# Redis is reachable only by the consumer's containers; a password is still cheap defence in depth.
ensure_redis_password() {
  if ! grep -qE '^REDIS_PASSWORD=.+' "$1"; then
    local password
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    sed -i -e '/^REDIS_PASSWORD=/d' -e '/^REDIS_URL=/d' "$1"
    printf 'REDIS_PASSWORD=%s\nREDIS_URL=redis://:%s@redis:6379\n' "$password" "$password" >> "$1"
    info "generated a Redis password in $1."
  fi
}

wait_healthy() {
  local project=$1 service=$2 seconds=$3 id state
  for ((i = 0; i < seconds; i += 2)); do
    id=$($compose -p "$project" ps -q "$service" 2>/dev/null | head -n1)
    state=$( [[ -n "$id" ]] && docker inspect -f '{{.State.Health.Status}}' "$id" 2>/dev/null || true)
    [[ "$state" == healthy ]] && return 0
    sleep 2
  done
  return 1
}
