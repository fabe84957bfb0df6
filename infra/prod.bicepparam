using 'main.bicep'

param environment = 'prod'
param portalOrigins = ['https://portal.example.com']
param regradeTimeZone = 'Asia/Shanghai'
param regradeShards = 16
param maximumInstanceCount = 40
param instanceMemoryMB = 4096
// Object ids of the people or groups who drop exports into `exports`, comma-separated, e.g.
// EXPORT_UPLOADER_IDS=$(az ad group show --group "Sales Operations" --query id -o tsv)
param exportUploaderPrincipalIds = empty(readEnvironmentVariable('EXPORT_UPLOADER_IDS', '')) ? [] : split(readEnvironmentVariable('EXPORT_UPLOADER_IDS', ''), ',')
// The API's app registration (docs/deployment.md, "App registration"): API_CLIENT_ID=$(az ad app list --display-name "Customer tiering API" --query [0].appId -o tsv)
param apiClientId = readEnvironmentVariable('API_CLIENT_ID')
// The erasure key (docs/privacy.md), kept in your secret store: ERASURE_KEY=$(openssl rand -base64 32) once, then always the same.
param erasureKey = readEnvironmentVariable('ERASURE_KEY')
