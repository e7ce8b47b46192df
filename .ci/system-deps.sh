#!/usr/bin/env bash
# Installs the system packages the service and its tests need on a Debian machine without Docker:
# Java 17 + Maven (the local Neo4j), Chromium (the playground browser test) and docker-compose
# (validates docker-compose.yml without an engine). Does nothing for what is already there.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)

if [ ${#need[@]} -eq 0 ]; then
  echo "system-deps: java, mvn, chromium and docker-compose are present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system-deps: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
