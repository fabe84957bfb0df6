using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>The answer to a started or resumed run: its id, status, and where to follow it.</summary>
public sealed record RunAccepted(string RunId, RunStatus Status, string StatusUrl);
