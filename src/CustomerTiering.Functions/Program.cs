using CustomerTiering.Functions;
using CustomerTiering.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpErrorMiddleware>();
builder.AddTelemetry();
builder.AddCustomerTiering();
await builder.Build().RunAsync();
