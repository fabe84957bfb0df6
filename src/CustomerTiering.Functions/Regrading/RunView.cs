using System.Text.Json;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>A run as <c>GET /api/manage/runs/{id}</c> shows it: its record and, once graded, its summary.</summary>
public sealed record RunView(RunRecord Run, JsonElement? Summary);
