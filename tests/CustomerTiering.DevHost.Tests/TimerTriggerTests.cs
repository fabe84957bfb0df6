using CustomerTiering.DevHost.Triggers;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class TimerTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static string Timer(string schedule) => $$"""
        { "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "{{schedule}}" } ] }
        """;

    [Fact]
    public async Task A_timer_fires_on_its_schedule_with_the_host_payload()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Tick"] = Timer("*/1 * * * * *"),
            ["Recorded"] = DevHostRunner.RecordedFunction,
        });

        var ticks = await Eventually.ReturnsAsync(async () => (await host.RecordedAsync("Tick")) is { Length: >= 2 } t ? t : null, "two ticks");

        var timer = ticks[1].GetProperty("Data").GetProperty("timer");
        Assert.False(timer.GetProperty("IsPastDue").GetBoolean());
        Assert.True(timer.GetProperty("Schedule").GetProperty("AdjustForDST").GetBoolean());
        var status = timer.GetProperty("ScheduleStatus");
        Assert.True(status.GetProperty("Next").GetDateTimeOffset() > status.GetProperty("Last").GetDateTimeOffset());
        Assert.Equal("Tick", ticks[1].GetProperty("Metadata").GetProperty("sys").GetProperty("MethodName").GetString());
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_app_was_down_fires_once_as_past_due()
    {
        var store = new ScheduleStatusStore(azurite.Account.Blobs, "customer-tiering-devhost");
        var missed = DateTimeOffset.UtcNow.AddDays(-3);
        await store.WriteAsync("Monthly", new ScheduleStatus(missed.AddMonths(-1), missed, missed.AddMonths(-1)));

        await using var host = await DevHostRunner.StartAsync(azurite, new Dictionary<string, string>
        {
            // The 1st of January at 02:00: nowhere near now, so only the missed occurrence can fire.
            ["Monthly"] = Timer("0 0 2 1 1 *"),
            ["Recorded"] = DevHostRunner.RecordedFunction,
        });

        var fired = await Eventually.ReturnsAsync(async () => (await host.RecordedAsync("Monthly")) is [var one] ? new[] { one } : null, "the past-due run");
        Assert.True(fired[0].GetProperty("Data").GetProperty("timer").GetProperty("IsPastDue").GetBoolean());

        var status = await Eventually.ReturnsAsync(async () => await store.ReadAsync("Monthly") is { } s && s.Last == missed ? s : null, "the status update");
        Assert.True(status.Next > DateTimeOffset.UtcNow);
        Assert.Single(await host.RecordedAsync("Monthly"));
    }
}
