using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>What starting (or resuming) a run came to: the run, or the run in the way.</summary>
public sealed record RegradeStart(RunRecord? Run, string? BlockedBy, bool AlreadyExisted)
{
    public static RegradeStart Started(RunRecord run) => new(run, null, false);

    public static RegradeStart Existing(RunRecord run) => new(run, null, true);

    public static RegradeStart Blocked(string? holder) => new(null, holder ?? "(a run that is starting)", false);
}
