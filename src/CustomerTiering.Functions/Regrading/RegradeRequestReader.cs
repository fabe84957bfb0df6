using System.Globalization;
using System.Text.Json;
using CustomerTiering.Domain.Periods;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Storage.Policies;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Turns a request body into a run to start, or into every problem with it, each under the field it concerns.</summary>
public sealed class RegradeRequestReader(PolicyStore policies, RegradeCalendar calendar, IOptions<RegradeOptions> options, TimeProvider clock)
{
    public async Task<(RegradeRequest? Request, Dictionary<string, string[]> Errors)> ReadAsync(RegradeRequestBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = calendar.Today;

        DateOnly? asOf = null;
        if (body.AsOf is not null)
        {
            if (DateOnly.TryParseExact(body.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                asOf = parsed;
            }
            else
            {
                errors["asOf"] = [$"'{Clip(body.AsOf)}' is not a date (yyyy-MM-dd)."];
            }
        }

        var period = calendar.JustEnded;
        if (body.Period is not null && !GradingPeriod.TryParse(body.Period, out period))
        {
            errors["period"] = [$"'{Clip(body.Period)}' is not a period (yyyy-MM)."];
        }
        else if (body.Period is null && asOf is { } given)
        {
            period = GradingPeriod.Of(given);
        }

        var effectiveAsOf = asOf ?? default;
        if (!errors.ContainsKey("period") && !errors.ContainsKey("asOf"))
        {
            effectiveAsOf = asOf ?? period.LastDay;
            if (GradingPeriod.Of(effectiveAsOf) != period)
            {
                errors["asOf"] = [$"{effectiveAsOf:yyyy-MM-dd} is not in period {period}."];
            }
            else if (effectiveAsOf > today)
            {
                errors[asOf is null ? "period" : "asOf"] = [$"{effectiveAsOf:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}): a period is graded once it has ended, or as of a past day."];
            }
        }

        if (body.Shards is < 1 or > 256)
        {
            errors["shards"] = ["shards must be between 1 and 256."];
        }

        var policy = await PolicyAsync(body, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var runId = RunId.OnDemand(period, clock.GetUtcNow()).Value;
        return (new RegradeRequest(runId, period, effectiveAsOf, policy!, body.DryRun, body.Shards ?? options.Value.Shards, "OnDemand"), errors);
    }

    private async Task<TieringPolicy?> PolicyAsync(RegradeRequestBody body, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (body.Policy is { ValueKind: not JsonValueKind.Null } draft)
        {
            if (!body.DryRun)
            {
                errors["policy"] = ["A draft policy can only be tried with dryRun: store it as a version to apply it."];
                return null;
            }

            if (body.PolicyVersion is not null)
            {
                errors["policyVersion"] = ["Give a draft policy or a policy version, not both."];
            }

            var parsed = TieringPolicyJson.Parse(draft.GetRawText());
            if (!parsed.IsValid)
            {
                errors["policy"] = [.. parsed.Violations.Select(v => v.ToString())];
            }

            return parsed.Policy;
        }

        if (body.PolicyVersion is { } version)
        {
            if (version.Length is 0 or > 64)
            {
                errors["policyVersion"] = ["A policy version is 1 to 64 characters."];
                return null;
            }

            var stored = await policies.GetAsync(version, cancellationToken);
            if (stored is null)
            {
                errors["policyVersion"] = [$"There is no policy version '{version}'."];
            }

            return stored;
        }

        return await policies.CurrentAsync(cancellationToken);
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
