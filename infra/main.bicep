// The customer tiering backend in one resource group: the app's data account (exports, reports, snapshots,
// runs, policies; its queues and tables), the Functions runtime's account, a Flex Consumption function app
// running the .NET isolated worker, the Event Grid system topic of the data account, a Service Bus topic for
// tier changes, and Application Insights. Every connection is identity-based through one user-assigned
// identity with data-plane roles only: no key or connection string anywhere.
//
// The Event Grid subscription that feeds the blob trigger is not declared here: its endpoint is the blobs
// extension's webhook with a system key that exists only once the code is deployed. scripts/subscribe-exports.sh
// creates it after the first deployment (docs/deployment.md gives the order).

@description('Environment name, part of every resource name.')
@allowed(['dev', 'prod'])
param environment string

@description('Short name of the app, part of every resource name (lower-case letters and digits).')
@minLength(3)
@maxLength(11)
param appName string = 'tiering'

param location string = resourceGroup().location

@description('Origins of the sales portal allowed to call the API from a browser (CORS).')
param portalOrigins array

@description('NCRONTAB schedule of the monthly regrade (default 02:00 on the 1st).')
param regradeSchedule string = '0 0 2 1 * *'

@description('IANA time zone whose calendar months are graded.')
param regradeTimeZone string = 'UTC'

@description('Shards a regrade run is split into.')
@minValue(1)
@maxValue(256)
param regradeShards int = 8

@description('Most instances the Flex Consumption plan may scale to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 20

@description('Memory of each instance, in MB (the grading step of a million customers needs about 800 above the worker start).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Object ids of the users or groups who upload exports to the `exports` container (Storage Blob Data Contributor on it).')
param exportUploaderPrincipalIds array = []

@description('Client id of the API\'s app registration in Microsoft Entra ID (its app roles say who may call what; docs/security.md). Tokens must carry it as their audience.')
@minLength(36)
@maxLength(36)
param apiClientId string

@description('The key erased customer ids are remembered by (docs/privacy.md): 32 random bytes, base64, made once per environment and never changed.')
@secure()
@minLength(44)
param erasureKey string

// Retention (docs/privacy.md#retention). Exports and ingestion reports go by age, by the data account's lifecycle
// policy; the app's daily sweep forgets the rest, whose age alone does not say (a run lives as long as its period).
@description('Days an uploaded export is kept after it was last written (the lifecycle policy deletes it).')
@minValue(1)
param exportRetentionDays int = 90

@description('Days an ingestion report and its rejected rows are kept (the lifecycle policy, and the app with the ingestion\'s record).')
@minValue(1)
param reportRetentionDays int = 180

@description('Days a finished run no kept period shows is kept (superseded, dry or failed runs), with its grades and files.')
@minValue(1)
param runRetentionDays int = 90

@description('Months after its end a graded period is kept (grades, snapshot, run); the current period always is.')
@minValue(1)
param gradeHistoryMonths int = 25

@description('Days a deleted blob or container of the data account can be restored (soft delete); an erased person\'s deleted files live as long.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days a data blob\'s previous versions are kept after they were replaced (the lifecycle policy deletes them); a rewritten file\'s erased rows live as long.')
@minValue(1)
param blobVersionDays int = 7

@description('The Microsoft Entra tenant whose tokens the API accepts.')
param tenantId string = tenant().tenantId

@description('Closes both storage accounts and Service Bus to public networks: the app joins a virtual network (VNet integration) and reaches them through private endpoints, and Service Bus takes the Premium tier, the one with private endpoints. The API itself stays public. What it requires: docs/deployment.md#private-networking.')
param privateNetworking bool = false

@description('With privateNetworking: public IP ranges (CIDR) still let into both storage accounts, such as the runner that uploads the app package; none by default.')
param storageAllowedIpRanges array = []

@description('With privateNetworking: the virtual network\'s address space; its first /24 is the app\'s subnet, its second the private endpoints\'.')
param vnetAddressPrefix string = '10.40.0.0/16'

var suffix = uniqueString(resourceGroup().id, appName, environment)
var names = {
  identity: 'id-${appName}-${environment}'
  dataStorage: take('st${appName}${environment}d${suffix}', 24)
  runtimeStorage: take('st${appName}${environment}r${suffix}', 24)
  plan: 'plan-${appName}-${environment}'
  functionApp: 'func-${appName}-${environment}-${suffix}'
  logs: 'log-${appName}-${environment}'
  insights: 'appi-${appName}-${environment}'
  serviceBus: 'sb-${appName}-${environment}-${suffix}'
  systemTopic: 'evgt-${appName}-${environment}-exports'
  vnet: 'vnet-${appName}-${environment}'
}
var deploymentContainer = 'app-package'
var storagePublicAccess = privateNetworking && empty(storageAllowedIpRanges) ? 'Disabled' : 'Enabled'
var storageIpRules = [for range in storageAllowedIpRanges: { value: range, action: 'Allow' }]
var storageNetworkRules = {
  defaultAction: privateNetworking ? 'Deny' : 'Allow'
  bypass: 'AzureServices'
  ipRules: storageIpRules
}
var containers = ['exports', 'reports', 'snapshots', 'runs', 'policies', 'privacy']
var queues = ['regrade-shards', 'tier-changes', 'erasures']
var tables = ['Customers', 'Orders', 'Invoices', 'Ingestions', 'Runs', 'Periods', 'Grades', 'RelayedEvents', 'Overrides', 'OwnerDirectory', 'Erasures']
var tierChangesTopic = 'tier-changes'

// Built-in role definitions (data plane only).
var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: environment == 'prod' ? 90 : 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.dataStorage
  location: location
  kind: 'StorageV2'
  sku: { name: environment == 'prod' ? 'Standard_ZRS' : 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: storagePublicAccess
    networkAcls: storageNetworkRules
  }
}

// A file deleted or overwritten by mistake (an export, a snapshot) can be brought back for a few days, and no longer:
// erased rows live on in those copies until then (docs/privacy.md).
resource dataBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: dataStorage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: blobSoftDeleteDays }
  }
}

resource dataContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in containers: {
  parent: dataBlobs
  name: container
}]

// Lifecycle runs once a day in Azure; Azurite has none, so locally exports and reports stay until erased or deleted.
resource dataLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: dataStorage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'exports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['exports/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: exportRetentionDays } } }
          }
        }
        {
          name: 'ingestion-reports'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'], prefixMatch: ['reports/ingest/'] }
            actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: reportRetentionDays } } }
          }
        }
        {
          name: 'previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: { version: { delete: { daysAfterCreationGreaterThan: blobVersionDays } } }
          }
        }
      ]
    }
  }
}

resource dataQueueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: dataStorage
  name: 'default'
}

resource dataQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queues: {
  parent: dataQueueService
  name: queue
}]

resource dataTableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: dataStorage
  name: 'default'
}

resource dataTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tables: {
  parent: dataTableService
  name: table
}]

resource runtimeStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.runtimeStorage
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: storagePublicAccess
    networkAcls: storageNetworkRules
  }
}

resource runtimeBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: runtimeStorage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: runtimeBlobs
  name: deploymentContainer
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: names.serviceBus
  location: location
  // Private endpoints and closing the namespace to public networks are Premium's alone.
  sku: privateNetworking ? { name: 'Premium', tier: 'Premium', capacity: 1 } : { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: serviceBus
  name: tierChangesTopic
  properties: {
    defaultMessageTimeToLive: 'P14D'
    // A relay retried after a crash sends the same event again with the same message id (the event id):
    // Service Bus drops the copy within this window, so subscribers see each change once.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
  }
}

resource downstream 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: topic
  name: 'downstream'
  properties: {
    maxDeliveryCount: 10
    deadLetteringOnMessageExpiration: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: names.plan
  location: location
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: names.functionApp
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // With private networking every call the app makes leaves through its subnet, where the private endpoints are.
    virtualNetworkSubnetId: privateNetworking ? resourceId('Microsoft.Network/virtualNetworks/subnets', names.vnet, 'app') : null
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${runtimeStorage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The project targets net10.0, and 10.0 is the Flex Consumption version for it; a region's list:
      // az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: portalOrigins
      }
      appSettings: [
        { name: 'AzureWebJobsStorage__accountName', value: runtimeStorage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // The blob and queue extensions take service URIs for identity connections; the app's own table access too.
        { name: 'TieringStorage__blobServiceUri', value: dataStorage.properties.primaryEndpoints.blob }
        { name: 'TieringStorage__queueServiceUri', value: dataStorage.properties.primaryEndpoints.queue }
        { name: 'TieringStorage__tableServiceUri', value: dataStorage.properties.primaryEndpoints.table }
        { name: 'TieringStorage__credential', value: 'managedidentity' }
        { name: 'TieringStorage__clientId', value: identity.properties.clientId }
        { name: 'ServiceBusConnection__fullyQualifiedNamespace', value: '${serviceBus.name}.servicebus.windows.net' }
        { name: 'ServiceBusConnection__credential', value: 'managedidentity' }
        { name: 'ServiceBusConnection__clientId', value: identity.properties.clientId }
        // The worker's telemetry only, scrubbed of personal data; APPLICATIONINSIGHTS_CONNECTION_STRING would have the host
        // export request URLs holding customer ids (docs/privacy.md). The host's logs go by the diagnostic setting below.
        { name: 'Telemetry__ConnectionString', value: insights.properties.ConnectionString }
        { name: 'Telemetry__Authentication', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'RegradeSchedule', value: regradeSchedule }
        { name: 'Regrade__TimeZone', value: regradeTimeZone }
        { name: 'Regrade__Shards', value: string(regradeShards) }
        { name: 'TierChangesTopic', value: tierChangesTopic }
        // Every HTTP function is anonymous to the host and checks the caller's Entra token itself: no key opens data.
        { name: 'Authentication__Authority', value: '${az.environment().authentication.loginEndpoint}${tenantId}/v2.0' }
        { name: 'Authentication__Audience', value: apiClientId }
        { name: 'Privacy__ErasureKey', value: erasureKey }
        { name: 'Retention__ReportDays', value: string(reportRetentionDays) }
        { name: 'Retention__RunDays', value: string(runRetentionDays) }
        { name: 'Retention__GradeHistoryMonths', value: string(gradeHistoryMonths) }
        // The dashboard signs people in with the same registration (a single-page app platform, docs/deployment.md).
        { name: 'Dashboard__ClientId', value: apiClientId }
        { name: 'Dashboard__Authority', value: '${az.environment().authentication.loginEndpoint}${tenantId}' }
        { name: 'Dashboard__Scope', value: 'api://${apiClientId}/access_as_user' }
      ]
    }
  }
}

// The host's own logs (function starts, ends and failures, listener errors) go to Log Analytics: the host is not given
// an Application Insights connection string, so that its request telemetry (URLs with customer ids) is never recorded.
resource functionAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'host-logs'
  scope: functionApp
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'FunctionAppLogs', enabled: true }
    ]
  }
}

// Publishing with the site's basic-auth credentials (FTP and the SCM site) is refused: deployments go through Entra.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: { allow: false }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: { allow: false }
}

// Storage and Service Bus logs and metrics to the same workspace. Table and queue request logs are left out: their
// URLs carry table keys (customer ids) and their volume is every row the app reads; their metrics are kept. Blob
// writes and deletes are logged (who changed or removed an export, a snapshot, a report).
resource dataBlobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'blob-audit'
  scope: dataBlobs
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

resource dataTableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'table-metrics'
  scope: dataTableService
  properties: {
    workspaceId: logs.id
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

resource dataQueueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-metrics'
  scope: dataQueueService
  properties: {
    workspaceId: logs.id
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

resource serviceBusDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'service-bus'
  scope: serviceBus
  properties: {
    workspaceId: logs.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The data account's events. The subscription on it (BlobCreated in `exports` to the blob trigger's webhook) is
// made by scripts/subscribe-exports.sh once the code is deployed.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: names.systemTopic
  location: location
  properties: {
    source: dataStorage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Least privilege: data-plane roles on exactly the resources each part uses.
// The blob trigger asks for Blob Data Owner on the account it watches (Functions' identity-connection table).
resource dataBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, identity.id, roles.blobDataOwner)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataOwner)
  }
}

resource dataQueueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, identity.id, roles.queueDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor)
  }
}

resource dataTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: dataStorage
  name: guid(dataStorage.id, identity.id, roles.tableDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
  }
}

// Sales operations drop exports into the container with their own identity (Storage Explorer, az storage blob upload).
resource exportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: dataBlobs
  name: 'exports'
}

resource uploaderRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in exportUploaderPrincipalIds: {
  scope: exportsContainer
  name: guid(dataStorage.id, 'exports', principalId, roles.blobDataContributor)
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
  }
  dependsOn: [dataContainers]
}]

// The Functions runtime keeps its package, keys and timer status in its own account.
resource runtimeBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, identity.id, roles.blobDataOwner)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataOwner)
  }
}

resource runtimeQueueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, identity.id, roles.queueDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataContributor)
  }
}

resource runtimeTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: runtimeStorage
  name: guid(runtimeStorage.id, identity.id, roles.tableDataContributor)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.tableDataContributor)
  }
}

resource topicSenderRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: topic
  name: guid(topic.id, identity.id, roles.serviceBusDataSender)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
  }
}

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

output functionAppName string = functionApp.name
output apiBaseUrl string = 'https://${functionApp.properties.defaultHostName}/api'
output dataStorageAccount string = dataStorage.name
output runtimeStorageAccount string = runtimeStorage.name
output packageContainerUrl string = '${runtimeStorage.properties.primaryEndpoints.blob}${packageContainer.name}'
output serviceBusNamespace string = serviceBus.name
output eventGridSystemTopic string = systemTopic.name

// Private networking (privateNetworking): a virtual network with the app's subnet (delegated to Flex Consumption's
// VNet integration) and one for private endpoints; an endpoint for each storage service the app and its host use on
// both accounts, and one for Service Bus; a private DNS zone for each, linked to the network, so that the accounts'
// and the namespace's usual names resolve to the endpoints from inside it.
var privateZones = [
  'privatelink.blob.${az.environment().suffixes.storage}'
  'privatelink.queue.${az.environment().suffixes.storage}'
  'privatelink.table.${az.environment().suffixes.storage}'
  'privatelink.servicebus.windows.net'
]
var privateEndpoints = [
  { name: 'data-blob', target: dataStorage.id, group: 'blob', zone: 0 }
  { name: 'data-queue', target: dataStorage.id, group: 'queue', zone: 1 }
  { name: 'data-table', target: dataStorage.id, group: 'table', zone: 2 }
  { name: 'runtime-blob', target: runtimeStorage.id, group: 'blob', zone: 0 }
  { name: 'runtime-queue', target: runtimeStorage.id, group: 'queue', zone: 1 }
  { name: 'runtime-table', target: runtimeStorage.id, group: 'table', zone: 2 }
  { name: 'servicebus', target: serviceBus.id, group: 'namespace', zone: 3 }
]

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = if (privateNetworking) {
  name: names.vnet
  location: location
  properties: {
    addressSpace: { addressPrefixes: [vnetAddressPrefix] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 24, 0)
          delegations: [{ name: 'flex-consumption', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: cidrSubnet(vnetAddressPrefix, 24, 1)
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2020-06-01' = [for zone in privateZones: if (privateNetworking) {
  name: zone
  location: 'global'
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = [for (zone, i) in privateZones: if (privateNetworking) {
  parent: zones[i]
  name: names.vnet
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}]

resource endpoints 'Microsoft.Network/privateEndpoints@2023-11-01' = [for endpoint in privateEndpoints: if (privateNetworking) {
  name: 'pe-${appName}-${environment}-${endpoint.name}'
  location: location
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', names.vnet, 'endpoints') }
    privateLinkServiceConnections: [
      {
        name: endpoint.name
        properties: {
          privateLinkServiceId: endpoint.target
          groupIds: [endpoint.group]
        }
      }
    ]
  }
  dependsOn: [vnet]
}]

resource endpointZones 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2023-11-01' = [for (endpoint, i) in privateEndpoints: if (privateNetworking) {
  parent: endpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: endpoint.group
        properties: { privateDnsZoneId: zones[endpoint.zone].id }
      }
    ]
  }
}]
