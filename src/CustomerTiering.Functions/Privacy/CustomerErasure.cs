using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Privacy;

/// <summary>
/// Applies every pending erasure request together: one pass over the tables, the run artifacts, the snapshots, the
/// reports and the exports for all their customers, so that erasing a hundred people rewrites each file once, not a
/// hundred times. Every step is safe to repeat, and the requests are marked done only at the end: a worker killed half
/// way leaves the message to come back, and the retry goes through the steps again to the same end.
/// </summary>
/// <remarks>
/// The erased ids were recorded (<see cref="ErasedCustomers"/>) before the request was, and from then on ingestion and
/// regrading skip them. Only work that began before that could still write them back, so the erasure waits until no
/// ingestion is writing and no run is under way, and looks again in <see cref="WaitFor"/> while one is.
/// </remarks>
public sealed class CustomerErasure(
    ErasureRequests requests,
    ErasureLock erasureLock,
    ErasureMessages messages,
    CustomerRows rows,
    PersonalDataFiles files,
    RunStore runs,
    RegradeLock regradeLock,
    ExportWriteGate exportWrites,
    IFaultInjection faults,
    TimeProvider clock,
    ILogger<CustomerErasure> logger)
{
    public static readonly TimeSpan WaitFor = TimeSpan.FromSeconds(30);

    /// <summary>Applies the pending requests; answers how many it completed (none when it has to wait, or none was pending).</summary>
    public async Task<int> ApplyPendingAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await using var held = await erasureLock.TryAcquireAsync(messageId, cancellationToken);
        var busy = held is null ? "another erasure" : await BusyAsync(cancellationToken);
        if (busy is not null)
        {
            Log.ErasureWaits(logger, busy);
            await messages.SendAsync(messageId, WaitFor, cancellationToken);
            return 0;
        }

        var pending = await requests.PendingAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var subjects = new List<ErasureSubjects>();
        foreach (var request in pending)
        {
            subjects.Add(await NamedAsync(request.Id, cancellationToken));
        }

        var all = new ErasureSubjects([.. subjects.SelectMany(s => s.CustomerIds).Distinct(StringComparer.Ordinal)], [.. subjects.SelectMany(s => s.Names ?? [])]);
        using var scope = Log.ErasureScope(logger, pending.Count, all.CustomerIds.Count);
        var step = 0;
        async Task StepDone(string name)
        {
            Log.ErasureStep(logger, name);
            await faults.AtAsync(FaultPoint.ErasureStepDone, messageId, ++step, cancellationToken: cancellationToken);
        }

        var runIds = (await runs.RecentAsync(int.MaxValue, cancellationToken)).Select(r => r.Id).ToList();
        long tableRows = 0;
        foreach (var customerId in all.CustomerIds)
        {
            tableRows += await rows.EraseAsync(customerId, runIds, cancellationToken);
        }

        await StepDone("tables");
        var removed = new Dictionary<string, long>(await files.RemoveAsync(new PersonalDataMatch(all), StepDone, cancellationToken), StringComparer.Ordinal)
        {
            ["tableRows"] = tableRows,
        };
        await StepDone("exports");

        var now = clock.GetUtcNow();
        foreach (var request in pending)
        {
            await requests.CompleteAsync(request with { Status = ErasureStatus.Done, CompletedAt = now, AppliedWith = pending.Count, Removed = removed }, cancellationToken);
        }

        Log.ErasureDone(logger, pending.Count, all.CustomerIds.Count, tableRows, removed["exports"]);
        return pending.Count;
    }

    /// <summary>The request's customers with the names the product holds for them, kept before their rows go.</summary>
    private async Task<ErasureSubjects> NamedAsync(string requestId, CancellationToken cancellationToken)
    {
        var subjects = await requests.SubjectsAsync(requestId, cancellationToken);
        if (subjects.Names is not null)
        {
            return subjects;
        }

        var names = new List<string>();
        foreach (var customerId in subjects.CustomerIds)
        {
            names.AddRange((await rows.FindAsync(customerId, [], cancellationToken))
                .Select(r => r.Values.GetValueOrDefault("Name") as string).OfType<string>());
        }

        var named = subjects with { Names = [.. names.Distinct(StringComparer.Ordinal)] };
        await requests.SaveSubjectsAsync(requestId, named, cancellationToken);
        return named;
    }

    /// <summary>An ingestion writing, or a run under way, either of which may have read the erased ids before they were recorded.</summary>
    private async Task<string?> BusyAsync(CancellationToken cancellationToken)
    {
        if ((await exportWrites.WritingAsync(cancellationToken)).Count > 0)
        {
            return "an ingestion is writing";
        }

        return await regradeLock.HolderAsync(cancellationToken) is { RunId: { } runId } && await runs.GetAsync(runId, cancellationToken) is { IsFinished: false }
            ? $"run {runId} is under way"
            : null;
    }
}
