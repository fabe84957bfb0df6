using System.Text.Json.Nodes;
using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Invocations;
using CustomerTiering.DevHost.Rpc;
using NCrontab;

namespace CustomerTiering.DevHost.Triggers;

/// <summary>
/// Runs one <c>timerTrigger</c> function on its six-field NCRONTAB schedule (in <c>WEBSITE_TIME_ZONE</c> when set,
/// else UTC), with <c>runOnStartup</c>, and with <c>IsPastDue</c> set for an occurrence missed while the app was down.
/// </summary>
public sealed class TimerTriggerListener(
    FunctionDefinition function,
    FunctionAppDefinition app,
    InvocationClient invocations,
    ScheduleStatusStore statusStore,
    TimeProvider clock,
    ILogger logger)
{
    private readonly CrontabSchedule _schedule = ParseSchedule(function);
    private readonly TimeZoneInfo _zone = app.Settings["WEBSITE_TIME_ZONE"] is { Length: > 0 } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc;

    public static CrontabSchedule ParseSchedule(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var expression = function.Trigger.GetString("schedule")
            ?? throw new FunctionAppException($"{function.Name}: 'schedule' is missing.");
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new FunctionAppException($"{function.Name}: '{expression}' is not a six-field NCRONTAB expression (second minute hour day month weekday).");
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var status = await statusStore.ReadAsync(function.Name, stoppingToken);
        var now = clock.GetUtcNow();
        if (function.Trigger.GetBoolean("runOnStartup"))
        {
            status = await FireAsync(status, now, isPastDue: false, stoppingToken);
        }
        else if (status is not null && status.Next <= now)
        {
            // The app was down when this was due: run it once now, as the host's schedule monitor does.
            status = await FireAsync(status, status.Next, isPastDue: true, stoppingToken);
        }
        else if (status is null)
        {
            status = new ScheduleStatus(default, NextAfter(now), now);
            await statusStore.WriteAsync(function.Name, status, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = status.Next;
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            status = await FireAsync(status, due, isPastDue: false, stoppingToken);
        }
    }

    private async Task<ScheduleStatus> FireAsync(ScheduleStatus? status, DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var next = NextAfter(now > occurrence ? now : occurrence);
        var fired = new ScheduleStatus(occurrence, next, now);
        Log.TimerFiring(logger, function.Name, isPastDue, next);
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = status is null ? null : new JsonObject
            {
                ["Last"] = status.Last.UtcDateTime.ToString("O"),
                ["Next"] = status.Next.UtcDateTime.ToString("O"),
                ["LastUpdated"] = status.LastUpdated.UtcDateTime.ToString("O"),
            },
            ["IsPastDue"] = isPastDue,
        };
        await invocations.InvokeAsync(function, new TypedData { Json = timer.ToJsonString() }, new Dictionary<string, TypedData>(), stoppingToken);
        // A failed timer run is not retried (the host does not either): the next occurrence is the retry.
        await statusStore.WriteAsync(function.Name, fired, stoppingToken);
        return fired;
    }

    private DateTimeOffset NextAfter(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        var next = DateTime.SpecifyKind(_schedule.GetNextOccurrence(local), DateTimeKind.Unspecified);
        // An occurrence in a skipped daylight-saving hour runs at the first valid instant after it.
        while (_zone.IsInvalidTime(next))
        {
            next = next.AddMinutes(1);
        }

        return new DateTimeOffset(next, _zone.GetUtcOffset(next)).ToUniversalTime();
    }
}
