#!/usr/bin/env bash
# Starts the consumer host: Redis + stream processor + API/dashboard, consuming from the producer's Kafka.
#   deployment/start-consumer.sh <address of the producer host> [processor count]
set -euo pipefail
cd "$(dirname "$0")/.."
source deployment/lib.sh

target="${1:-}"
processors="${2:-1}"
[[ -n "$target" && "$target" != -* ]] || usage "start-consumer.sh <producer host address>[:port] [processor count]" \
  "The address is the one given to start-producer.sh on the producer host; the port defaults to 9092."
[[ "$processors" =~ ^[1-9][0-9]?$ ]] || fail "processor count must be a number from 1 to 99, got '$processors'."
producer="${target%:*}" port=9092
[[ "$target" == *:* ]] && port="${target##*:}"
[[ "$port" =~ ^[0-9]{1,5}$ ]] || fail "'$port' is not a port number."

info "checking that Kafka answers at $producer:$port…"
if ! kafka_answers "$producer" "$port" 5; then
  fail "no Kafka answers at $producer:$port. Check, in order:
  - the producer host is up and deployment/start-producer.sh $producer finished there;
  - its firewall lets this machine in on TCP $port (e.g. sudo ufw allow from <this address> to any port $port proto tcp);
  - $producer is the producer's address as seen from here (try: ping $producer)."
fi
info "Kafka answers at $producer:$port."

ensure_env_file deployment/consumer.env
ensure_api_token deployment/consumer.env
ensure_redis_password deployment/consumer.env
compose=$(compose_command) || fail "Docker Compose is not available: install Docker Engine with the compose plugin."

info "starting Redis, $processors processor(s) and the API…"
PRODUCER_HOST="$producer" PRODUCER_PORT="$port" $compose -p wattwatch-consumer -f docker-compose.consumer.yml up -d --build --scale process="$processors"
wait_healthy wattwatch-consumer serve 120 || fail "the API did not become healthy; see: $compose -p wattwatch-consumer logs serve"

info "consumer host is up: dashboard at http://$(first_local_address):8000 (open TCP 8000 to your users)."
