using CustomerTiering.DevHost;
using CustomerTiering.DevHost.FunctionApp;

try
{
    var app = DevHostApplication.Create(DevHostOptions.Parse(args));
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is ArgumentException or FunctionAppException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
