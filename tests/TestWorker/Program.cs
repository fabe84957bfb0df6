using System.Diagnostics;
using Microsoft.Azure.Functions.Worker.Builder;
using TestWorker;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton<Recorder>();

// Like the real app: stop when the dev host that started us is gone, so a killed test run leaves nothing behind.
var host = builder.Build();
if (int.TryParse(host.Services.GetRequiredService<IConfiguration>()["DEVHOST_PROCESS_ID"], out var parentId))
{
    var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
    _ = Task.Run(async () =>
    {
        while (true)
        {
            await Task.Delay(1000);
            try
            {
                using var parent = Process.GetProcessById(parentId);
                if (!parent.HasExited)
                {
                    continue;
                }
            }
            catch (ArgumentException)
            {
            }

            lifetime.StopApplication();
            return;
        }
    });
}

await host.RunAsync();
