#!/bin/sh
# Declares the services' exchanges and queues (definitions.json) and gives each service a broker
# user of its own, limited to them (permissions/<service>.json): each publishes only to its own
# exchange and consumes only its own queues, so nothing else on the broker can forge another
# service's events (docs/adr/0018). Run by docker compose before the services start; safe to run
# again. Needs RabbitMQ's management API.
set -eu

here=$(dirname "$0")
url=${RABBITMQ_MANAGEMENT_URL:-http://rabbitmq:15672}
vhost=${RABBITMQ_VHOST:-/}
admin=${RABBITMQ_ADMIN_USER:-guest}

for variable in RABBITMQ_ADMIN_PASSWORD ORDER_SERVICE_BROKER_PASSWORD PAYMENT_SERVICE_BROKER_PASSWORD; do
  eval "value=\${$variable:-}"
  case "$value" in
    "" | guest)
      echo "$variable is not set (or is 'guest'): the services get no broker users without passwords of their own" >&2
      exit 1 ;;
    *\"* | *\\*)
      echo "$variable must not contain \" or \\" >&2
      exit 1 ;;
  esac
done

encoded_vhost=$(printf '%s' "$vhost" | sed 's|/|%2F|g')
api() { # method, path, curl data argument
  curl -fsS --retry 15 --retry-connrefused --retry-delay 2 -u "$admin:$RABBITMQ_ADMIN_PASSWORD" -H 'content-type: application/json' -X "$1" "$url/api/$2" -d "$3"
}

api POST "definitions/$encoded_vhost" "@$here/definitions.json"
api PUT "users/order-service" "{\"password\":\"$ORDER_SERVICE_BROKER_PASSWORD\",\"tags\":\"\"}"
api PUT "users/payment-service" "{\"password\":\"$PAYMENT_SERVICE_BROKER_PASSWORD\",\"tags\":\"\"}"
api PUT "permissions/$encoded_vhost/order-service" "@$here/permissions/order-service.json"
api PUT "permissions/$encoded_vhost/payment-service" "@$here/permissions/payment-service.json"
echo "Broker users order-service and payment-service ready in vhost '$vhost'"
