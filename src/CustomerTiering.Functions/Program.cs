using CustomerTiering.Functions;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpErrorMiddleware>();
builder.UseMiddleware<AccessMiddleware>();
builder.AddTelemetry();
builder.AddCustomerTiering();
await builder.Build().RunAsync();
