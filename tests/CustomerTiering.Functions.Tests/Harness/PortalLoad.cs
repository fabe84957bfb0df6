using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A portal reading at a steady rate, open loop (a slow answer does not slow the next request, as with real users), until
/// stopped: each request's status and time, for the figures of a reliability scenario.
/// </summary>
public sealed class PortalLoad
{
    private readonly ConcurrentBag<(HttpStatusCode? Status, double Milliseconds)> _answers = [];
    private readonly List<Task> _requests = [];

    public int Requests => _answers.Count;

    /// <summary>Answers other than 200, and requests that got no answer.</summary>
    public int Errors => _answers.Count(a => a.Status != HttpStatusCode.OK);

    public double Percentile(double p)
    {
        var sorted = _answers.Select(a => a.Milliseconds).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Sends GETs of <paramref name="paths"/> in turn, <paramref name="perSecond"/> a second, until <paramref name="stop"/>.</summary>
    public async Task RunAsync(RunningApp app, IReadOnlyList<string> paths, int perSecond, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / perSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, CancellationToken.None);
            }

            _requests.Add(SendAsync(app, paths[n % paths.Count]));
        }

        await Task.WhenAll(_requests);
    }

    private async Task SendAsync(RunningApp app, string path)
    {
        var timer = Stopwatch.StartNew();
        try
        {
            using var response = await app.SendAsync(HttpMethod.Get, path);
            await response.Content.ReadAsByteArrayAsync();
            _answers.Add((response.StatusCode, timer.Elapsed.TotalMilliseconds));
        }
        catch (HttpRequestException)
        {
            _answers.Add((null, timer.Elapsed.TotalMilliseconds));
        }
    }
}
