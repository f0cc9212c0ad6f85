#!/bin/bash
# serve (default): the ledger service; ledger ARGS: the CLI; healthcheck: the service's readiness.
set -euo pipefail
command="${1:-serve}"
[ $# -gt 0 ] && shift
case "$command" in
  serve)
    # JAVA_OPTS: the image's (collector, heap share, AOT cache); LEDGER_JAVA_OPTS: an operator's, after them
    # shellcheck disable=SC2086 # both are lists of JVM options
    exec java $JAVA_OPTS ${LEDGER_JAVA_OPTS:-} -jar /app/app.jar "$@" ;;
  ledger)
    exec java -jar /app/ledger-cli.jar "$@" ;;
  healthcheck)
    # no curl in a JRE image: bash speaks the one HTTP request itself
    exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}"
    printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
    IFS= read -r -t 3 status <&3
    [[ "$status" == *" 200 "* ]] ;;
  *)
    exec "$command" "$@" ;;
esac
