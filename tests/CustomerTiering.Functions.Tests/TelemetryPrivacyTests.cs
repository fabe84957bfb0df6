using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// What the worker exports to Application Insights, read where it arrives, while the portal and ingestion paths go
/// through everything that touches the people: their ids in routes, an owner's name in a route and a query, their
/// rejected rows, an override, a subject-access answer, a 404. None of their ids, names, e-mails or owners is in it.
/// </summary>
public sealed class TelemetryPrivacyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Owners = ["Li Na", "Chen Jie"];

    [Fact]
    public async Task The_exported_telemetry_of_the_portal_and_ingestion_paths_holds_no_customer_id_name_e_mail_or_owner()
    {
        await using var insights = await FakeApplicationInsights.StartAsync();
        await using var app = await RunningApp.StartAsync(azurite.ConnectionString, azurite.ConnectionString,
            new Dictionary<string, string>
            {
                [Telemetry.ConnectionStringSetting] = insights.ConnectionString,
                // Everything, not Application Insights' default few traces a second (which drops the lines of the rest).
                [Telemetry.SamplingRatioSetting] = "1",
            });

        var ingestion = await ExportUploads.IngestAsync(app, "customers", ErasureShop.CustomersCsv());
        Assert.Equal("partiallySucceeded", await ExportUploads.IngestAsync(app, "orders", ErasureShop.OrdersCsv()));
        var run = await new RegradeClient(app, azurite.Account).RunAsync(new { period = "2026-01" });
        foreach (var (caller, path) in new[]
                 {
                     (Who.Portal, "/api/customers/C007"), (Who.Portal, "/api/customers/C013/history"), (Who.Portal, "/api/customers?owner=Li%20Na"),
                     (Who.Portal, "/api/owners/Li%20Na/customers"), (Who.Portal, "/api/customers/C099"), (Who.PrivacyOfficer, "/api/manage/privacy/customers/C021"),
                     (Who.Administrator, "/api/manage/overrides/C013/audit"),
                 })
        {
            using var response = await app.SendAsync(HttpMethod.Get, path, caller);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        using (var pin = await app.SendAsync(HttpMethod.Put, "/api/manage/overrides/C013", Who.Administrator,
                   JsonContent.Create(new { tier = "VIP", reason = "Liu Yang's contract", expires = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        }

        // The exporter sends each kind in batches, oldest first: once an ingestion after everything above has been
        // exported as lines and as storage calls, so has everything before it.
        var everythingAsked = DateTimeOffset.UtcNow;
        Assert.Equal("succeeded", await ExportUploads.IngestAsync(app, "orders", "Order ID,Customer ID,Order Date,Amount\nM1,C001,2026-01-05,10\n", name: "marker"));
        await Eventually.HoldsAsync(
            () => Task.FromResult(insights.HasItemAfter("Message", everythingAsked) && insights.HasItemAfter("RemoteDependency", everythingAsked) && insights.HasItemAfter("Request", everythingAsked)),
            "the worker's telemetry to be exported", TimeSpan.FromSeconds(60));

        var received = insights.Received;
        Assert.Equal("succeeded", ingestion);
        Assert.Contains("/Customers", received, StringComparison.Ordinal);
        Assert.Contains("api/owners/{owner}/customers", received, StringComparison.Ordinal);
        Assert.Contains($"Run {run} succeeded", received, StringComparison.Ordinal);
        var found = ErasureShop.Subjects.SelectMany(s => new[] { s.Id, s.Name, s.Email }).Concat(Owners).Concat(Owners.Select(Uri.EscapeDataString)).Concat(["C099"])
            .Where(word => received.Contains(word, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"exported: {string.Join(", ", found)}\n{Around(received, found.FirstOrDefault())}");
    }

    [Theory]
    [InlineData("https://st1.table.core.windows.net/Customers(PartitionKey='p001',RowKey='C007')?$filter=x", "https://st1.table.core.windows.net/Customers")]
    [InlineData("https://st1.blob.core.windows.net/exports/customers/20261205-wang-fang.csv?comp=block", "https://st1.blob.core.windows.net/exports")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Grades(PartitionKey='r-p001',RowKey='C007')", "http://127.0.0.1:10002/devstoreaccount1/Grades")]
    [InlineData("https://st1.table.core.windows.net/", "https://st1.table.core.windows.net/")]
    [InlineData("/Orders()?$filter=RowKey eq 'C007'", "/Orders")]
    public void A_storage_address_is_cut_to_its_table_or_container(string address, string exported) =>
        Assert.Equal(exported, AddressRedaction.Redact(address));

    private static string Around(string text, string? word) =>
        word is null ? "" : text.Substring(Math.Max(0, text.IndexOf(word, StringComparison.Ordinal) - 400), Math.Min(800, text.Length - Math.Max(0, text.IndexOf(word, StringComparison.Ordinal) - 400)));
}
