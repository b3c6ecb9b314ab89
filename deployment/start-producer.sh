#!/usr/bin/env bash
# Starts the producer host: Apache Kafka (KRaft) + the fleet simulator.
#   deployment/start-producer.sh <address of this machine as the consumer host will reach it>
set -euo pipefail
cd "$(dirname "$0")/.."
source deployment/lib.sh

address="${1:-}"
[[ -n "$address" && "$address" != -* ]] || usage "start-producer.sh <this machine's address, e.g. 192.168.1.20>" \
  "Kafka tells clients to connect to this address, so it must be one the consumer host can reach."

if ! address_is_local "$address"; then
  warn "$address is not an address of this machine ($(local_addresses))."
  warn "Kafka will advertise it anyway; that only works behind NAT or port forwarding that maps it here."
fi
if port_in_use 9092; then
  fail "port 9092 is already in use on this machine; stop whatever listens there (ss -ltnp 'sport = :9092')."
fi

ensure_env_file deployment/producer.env
compose=$(compose_command) || fail "Docker Compose is not available: install Docker Engine with the compose plugin."

info "starting Kafka and the simulator (advertised as $address:9092)…"
PRODUCER_HOST="$address" $compose -p wattwatch-producer -f docker-compose.producer.yml up -d --build
wait_healthy wattwatch-producer kafka 180 || fail "Kafka did not become healthy; see: $compose -p wattwatch-producer logs kafka"

info "producer host is up."
info "open TCP port 9092 to the consumer host in this machine's firewall, then on the consumer host run:"
info "  deployment/start-consumer.sh $address"
