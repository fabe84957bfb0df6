#!/usr/bin/env bash
# Subscribes the IngestExport blob trigger to BlobCreated events of the `exports` container, after the code is deployed:
# the endpoint is the blobs extension's webhook, whose system key the Functions host creates on its first start.
# Run it again after a redeployment that changed nothing here: it updates the subscription in place.
# Usage: scripts/subscribe-exports.sh <resource group> [deployment name, default main]
set -euo pipefail
group="${1:?usage: scripts/subscribe-exports.sh <resource group> [deployment name]}"
deployment="${2:-main}"

output() { az deployment group show -g "$group" -n "$deployment" --query "properties.outputs.$1.value" -o tsv; }
app=$(output functionAppName)
topic=$(output eventGridSystemTopic)

echo "==> Waiting for the blobs extension key of $app (the host writes it on its first start)"
key=""
for _ in $(seq 1 30); do
  key=$(az functionapp keys list -g "$group" -n "$app" --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)
  [ -n "$key" ] && break
  # Any request wakes the host; /api/health answers without a key.
  curl -fsS -o /dev/null "https://$(az functionapp show -g "$group" -n "$app" --query defaultHostName -o tsv)/api/health" || true
  sleep 10
done
[ -n "$key" ] || { echo "No blobs_extension system key on $app: is the code deployed and the host started?" >&2; exit 1; }

host=$(az functionapp show -g "$group" -n "$app" --query defaultHostName -o tsv)
endpoint="https://$host/runtime/webhooks/blobs?functionName=Host.Functions.IngestExport&code=$key"

echo "==> Subscribing $app to BlobCreated in exports/ (system topic $topic)"
az eventgrid system-topic event-subscription create \
  --resource-group "$group" \
  --system-topic-name "$topic" \
  --name exports-to-ingest-export \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/exports/ \
  --event-delivery-schema EventGridSchema \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none

echo "==> Done: an export dropped into exports/ is now ingested"
