using 'main.bicep'

param environment = 'prod'
param portalOrigins = ['https://portal.example.com']
param regradeTimeZone = 'Asia/Shanghai'
param regradeShards = 16
param maximumInstanceCount = 40
param instanceMemoryMB = 4096
