using CustomerTiering.Functions;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddTelemetry();
builder.AddCustomerTiering();
await builder.Build().RunAsync();
