using System.Text.Json;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Regrading;

/// <summary>
/// A run as <c>GET /api/manage/runs/{id}</c> shows it: its record and, once graded, its summary and separation warnings
/// told in English and Chinese (so a draft policy's dry run can be judged before it is published).
/// </summary>
public sealed record RunView(RunRecord Run, JsonElement? Summary, IReadOnlyList<WarningView>? Warnings = null, IReadOnlyList<WarningView>? WarningsZh = null);
