using CustomerTiering.DevHost.Triggers;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class TimerTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_timer_fires_on_its_schedule_and_the_worker_reads_its_schedule_status()
    {
        await using var host = await DevHostRunner.StartAsync(azurite, ["Tick"]);

        var ticks = await Eventually.ReturnsAsync(async () => (await host.RecordedAsync("Tick")) is { Length: >= 2 } t ? t : null, "two ticks");

        Assert.False(ticks[1].GetProperty("IsPastDue").GetBoolean());
        Assert.True(ticks[1].GetProperty("next").GetDateTimeOffset() > ticks[1].GetProperty("last").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_app_was_down_fires_once_as_past_due()
    {
        var store = new ScheduleStatusStore(azurite.Account.Blobs, "customer-tiering-devhost");
        var missed = DateTimeOffset.UtcNow.AddDays(-3);
        await store.WriteAsync("Tick", new ScheduleStatus(missed.AddMonths(-1), missed, missed.AddMonths(-1)));

        // The 1st of January at 02:00: nowhere near now, so only the missed occurrence can fire.
        await using var host = await DevHostRunner.StartAsync(azurite, ["Tick"], settings: new Dictionary<string, string> { ["TickSchedule"] = "0 0 2 1 1 *" });

        var fired = await Eventually.ReturnsAsync(async () => (await host.RecordedAsync("Tick")) is [var one] ? new[] { one } : null, "the past-due run");
        Assert.True(fired[0].GetProperty("IsPastDue").GetBoolean());

        var status = await Eventually.ReturnsAsync(async () => await store.ReadAsync("Tick") is { } s && s.Last == missed ? s : null, "the status update");
        Assert.True(status.Next > DateTimeOffset.UtcNow);
        Assert.Single(await host.RecordedAsync("Tick"));
    }
}
