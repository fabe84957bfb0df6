using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>A handler whose host died without stopping it stops by itself.</summary>
public sealed class ParentWatchdogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_handler_stops_when_the_process_that_started_it_is_gone()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "3"))!;
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.BuildOutput("CustomerTiering.Functions"), "CustomerTiering.Functions"))
        {
            WorkingDirectory = RepositoryPaths.BuildOutput("CustomerTiering.Functions"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TieringStorage"] = azurite.ConnectionString;
        start.Environment[ParentWatchdog.ParentVariable] = parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var handler = Process.Start(start)!;
        _ = handler.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient();
            await Eventually.HoldsAsync(async () =>
            {
                try
                {
                    return (await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the handler to answer");

            await parent.WaitForExitAsync();
            await Eventually.HoldsAsync(() => Task.FromResult(handler.HasExited), "the handler to stop after its parent");

            Assert.Equal(0, handler.ExitCode);
        }
        finally
        {
            if (!handler.HasExited)
            {
                handler.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
