using 'main.bicep'

param environment = 'dev'
param portalOrigins = ['http://localhost:5173']
param regradeTimeZone = 'Asia/Shanghai'
param regradeShards = 4
param maximumInstanceCount = 10
