#!/usr/bin/env bash
# Starts the consumer host: Redis + stream processor + API/dashboard, consuming from the producer's Kafka.
#   deployment/start-consumer.sh <address of the producer host> [processor count]
set -euo pipefail
cd "$(dirname "$0")/.."
source deployment/lib.sh

producer="${1:-}"
processors="${2:-1}"
[[ -n "$producer" && "$producer" != -* ]] || usage "start-consumer.sh <producer host address> [processor count]" \
  "The address is the one given to start-producer.sh on the producer host."
[[ "$processors" =~ ^[1-9][0-9]?$ ]] || fail "processor count must be a number from 1 to 99, got '$processors'."

info "checking Kafka at $producer:9092…"
if ! kafka_answers "$producer" 9092 5; then
  fail "no Kafka answers at $producer:9092. Check, in order:
  - the producer host is up and deployment/start-producer.sh $producer finished there;
  - its firewall lets this machine in on TCP 9092 (e.g. sudo ufw allow from <this address> to any port 9092 proto tcp);
  - $producer is the producer's address as seen from here (try: ping $producer)."
fi
info "Kafka answers on $producer:9092."

ensure_env_file deployment/consumer.env
ensure_api_token deployment/consumer.env
compose=$(compose_command) || fail "Docker Compose is not available: install Docker Engine with the compose plugin."

info "starting Redis, $processors processor(s) and the API…"
PRODUCER_HOST="$producer" $compose -p wattwatch-consumer -f docker-compose.consumer.yml up -d --build --scale process="$processors"
wait_healthy wattwatch-consumer serve 120 || fail "the API did not become healthy; see: $compose -p wattwatch-consumer logs serve"

info "consumer host is up: dashboard at http://$(first_local_address):8000 (open TCP 8000 to your users)."
