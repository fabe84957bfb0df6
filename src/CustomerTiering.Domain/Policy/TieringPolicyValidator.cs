using System.Globalization;

namespace CustomerTiering.Domain.Policy;

/// <summary>Checks a policy and reports every problem at once, each with its path, so a user fixes them in one go.</summary>
public static class TieringPolicyValidator
{
    private const double Tolerance = 1e-9;
    private const int MaxDisplayName = 64;

    public static IReadOnlyList<PolicyViolation> Validate(TieringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<PolicyViolation>();
        void Fail(string path, string message) => problems.Add(new PolicyViolation(path, message));

        ValidateHeader(policy, Fail);
        ValidateRfm(policy.Rfm, Fail);
        ValidateAbc(policy.Abc, Fail);
        ValidateTiers(policy.Tiers, Fail);
        ValidateLifecycle(policy.Lifecycle, Fail);
        ValidateRisingStars(policy, Fail);
        ValidateHysteresis(policy.Hysteresis, Fail);
        ValidateCredit(policy.Credit, Fail);
        ValidateForecast(policy.Forecast, Fail);
        ValidateService(policy, Fail);
        ValidateSeparation(policy, Fail);
        ValidateSlipEvents(policy, Fail);
        ValidateDisplayNames(policy.Tiers.DisplayNames, policy.Tiers.Names, "$.tiers.displayNames", "tier", Fail);
        ValidateDisplayNames(policy.Rfm.DisplayNames, [.. policy.Rfm.Segments.Select(s => s.Segment)], "$.rfm.displayNames", "segment of the RFM rules", Fail);
        return problems;
    }

    private static void ValidateHeader(TieringPolicy policy, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(policy.Version) || policy.Version.Length > 64)
        {
            fail("$.version", "must be 1 to 64 characters");
        }

        if (policy.LookbackMonths is < 1 or > 60)
        {
            fail("$.lookbackMonths", $"must be between 1 and 60, not {policy.LookbackMonths}");
        }

        if (!Enum.IsDefined(policy.GroupBy))
        {
            fail("$.groupBy", "must be none, region, channel, owner or type");
        }
    }

    private static void ValidateRisingStars(TieringPolicy policy, Action<string, string> fail)
    {
        var tierNames = policy.Tiers.Names.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < policy.RisingStars.Tiers.Count; i++)
        {
            if (!tierNames.Contains(policy.RisingStars.Tiers[i]))
            {
                fail($"$.risingStars.tiers[{i}]", $"'{policy.RisingStars.Tiers[i]}' is not a tier (tiers are {string.Join(", ", policy.Tiers.Names)})");
            }
        }

        if (policy.RisingStars.TopShare is <= 0 or > 1)
        {
            fail("$.risingStars.topShare", "must be above 0 and at most 1");
        }
    }

    private static void ValidateHysteresis(HysteresisPolicy hysteresis, Action<string, string> fail)
    {
        if (hysteresis.PeriodsBelow is < 1 or > 24)
        {
            fail("$.hysteresis.periodsBelow", "must be between 1 (demote at once) and 24");
        }

        if (hysteresis.Margin is < 0 or > 100)
        {
            fail("$.hysteresis.margin", "must be between 0 and 100 score points");
        }
    }

    private static void ValidateCredit(CreditPolicy credit, Action<string, string> fail)
    {
        if (credit.Grades.Count is < 2 or > 10 || credit.Grades.Any(string.IsNullOrWhiteSpace)
            || credit.Grades.Distinct(StringComparer.Ordinal).Count() != credit.Grades.Count)
        {
            fail("$.credit.grades", "must be 2 to 10 distinct names");
        }
        else if (credit.Limits.Count != credit.Grades.Count - 1)
        {
            fail("$.credit.limits", $"must have one entry per grade but the last: {credit.Grades.Count - 1}");
        }

        for (var i = 0; i < credit.Limits.Count; i++)
        {
            var l = credit.Limits[i];
            if (l.MaxWeightedDaysLate < 0 || l.MaxLateShare is < 0 or > 1 || l.MaxOverdueDays < 0 || l.MaxCreditUse < 0)
            {
                fail($"$.credit.limits[{i}]", "limits are days (0 or more), a late share in [0, 1] and a credit use of 0 or more");
            }
            else if (i > 0 && (l.MaxWeightedDaysLate < credit.Limits[i - 1].MaxWeightedDaysLate || l.MaxLateShare < credit.Limits[i - 1].MaxLateShare
                || l.MaxOverdueDays < credit.Limits[i - 1].MaxOverdueDays || l.MaxCreditUse < credit.Limits[i - 1].MaxCreditUse))
            {
                fail($"$.credit.limits[{i}]", "a worse grade must allow at least what the better one allows");
            }
        }
    }

    private static void ValidateForecast(ForecastPolicy forecast, Action<string, string> fail)
    {
        if (forecast.HorizonMonths is < 1 or > 60)
        {
            fail("$.forecast.horizonMonths", "must be between 1 and 60");
        }

        if (forecast.HighRiskBelow is < 0 or > 1 || forecast.MediumRiskBelow is < 0 or > 1 || forecast.HighRiskBelow > forecast.MediumRiskBelow)
        {
            fail("$.forecast", "highRiskBelow and mediumRiskBelow are P(alive) thresholds in [0, 1], high at most medium");
        }

        if (forecast.MinCustomers is < 10 or > 1_000_000)
        {
            fail("$.forecast.minCustomers", "must be between 10 and 1 000 000");
        }
    }

    private static void ValidateSeparation(TieringPolicy policy, Action<string, string> fail)
    {
        var separation = policy.Separation;
        if (separation.MinMeanRatio is < 1 or > 100)
        {
            fail("$.separation.minMeanRatio", "must be between 1 and 100");
        }

        if (separation.MinMedianRatio is < 1 or > 100)
        {
            fail("$.separation.minMedianRatio", "must be between 1 and 100");
        }

        if (separation.TopTiers < 1 || separation.TopTiers >= policy.Tiers.Names.Count)
        {
            fail("$.separation.topTiers", $"must be at least 1 and fewer than the {policy.Tiers.Names.Count} tiers");
        }

        if (separation.TopRevenueFactor is <= 0 or > 100)
        {
            fail("$.separation.topRevenueFactor", "must be above 0 and at most 100");
        }
    }

    private static void ValidateSlipEvents(TieringPolicy policy, Action<string, string> fail)
    {
        var segments = policy.Rfm.Segments.Select(s => s.Segment).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < policy.SlipEvents.Segments.Count; i++)
        {
            if (!segments.Contains(policy.SlipEvents.Segments[i]))
            {
                fail($"$.slipEvents.segments[{i}]", $"'{policy.SlipEvents.Segments[i]}' is not a segment of the RFM rules");
            }
        }
    }

    private static void ValidateService(TieringPolicy policy, Action<string, string> fail)
    {
        foreach (var (tier, playbook) in policy.Service)
        {
            var path = $"$.service.{tier}";
            if (!policy.Tiers.Names.Contains(tier, StringComparer.Ordinal))
            {
                fail(path, $"'{tier}' is not a tier (tiers are {string.Join(", ", policy.Tiers.Names)})");
            }

            if (playbook.ContactEveryDays is < 1 or > 3660)
            {
                fail($"{path}.contactEveryDays", $"must be 1 to 3660 days, or absent for no proactive contact, not {playbook.ContactEveryDays}");
            }

            if (playbook.Channels.Count != playbook.Channels.Distinct().Count())
            {
                fail($"{path}.channels", "names a channel twice");
            }

            if (playbook.ComplaintPriority is < 1 or > 10)
            {
                fail($"{path}.complaintPriority", "must be 1 (first) to 10");
            }

            if (playbook.MaxAccountsPerOwner is < 1)
            {
                fail($"{path}.maxAccountsPerOwner", "must be at least 1, or absent for no limit");
            }

            for (var i = 0; i < playbook.Benefits.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(playbook.Benefits[i].En))
                {
                    fail($"{path}.benefits[{i}].en", "needs the English text");
                }

                if (string.IsNullOrWhiteSpace(playbook.Benefits[i].Zh))
                {
                    fail($"{path}.benefits[{i}].zh", "needs the Chinese text");
                }
            }
        }
    }

    private static void ValidateRfm(RfmPolicy rfm, Action<string, string> fail)
    {
        if (rfm.Bins is < 2 or > 10)
        {
            fail("$.rfm.bins", $"must be between 2 and 10, not {rfm.Bins}");
            return;
        }

        if (rfm.Segments.Count is 0 or > 100)
        {
            fail("$.rfm.segments", "needs 1 to 100 rules");
            return;
        }

        var wellFormed = true;
        for (var i = 0; i < rfm.Segments.Count; i++)
        {
            var rule = rfm.Segments[i];
            if (string.IsNullOrWhiteSpace(rule.Segment))
            {
                fail($"$.rfm.segments[{i}].segment", "must name the segment");
            }

            wellFormed &= CheckRange(rule.Recency, rfm.Bins, $"$.rfm.segments[{i}].recency", fail);
            wellFormed &= CheckRange(rule.FrequencyMonetary, rfm.Bins, $"$.rfm.segments[{i}].frequencyMonetary", fail);
        }

        if (!wellFormed)
        {
            return; // the grid of malformed rules would only repeat the same faults
        }

        var grid = new SegmentGrid(rfm);
        if (grid.UncoveredCells() is { Count: > 0 } uncovered)
        {
            fail("$.rfm.segments", $"no rule covers {uncovered.Count} cell(s) (R, FM): {Cells(uncovered)}");
        }

        foreach (var (rule, cells, shadowedBy) in grid.ShadowedRules())
        {
            fail($"$.rfm.segments[{rule}]",
                $"'{rfm.Segments[rule].Segment}' can never match: every cell it covers ({Cells(cells)}) is taken first by " +
                string.Join(", ", shadowedBy.Select(i => $"[{i}] '{rfm.Segments[i].Segment}'")));
        }
    }

    private static bool CheckRange(IReadOnlyList<int> range, int bins, string path, Action<string, string> fail)
    {
        if (range.Count != 2)
        {
            fail(path, "must be [min, max]");
            return false;
        }

        if (range[0] < 1 || range[1] > bins || range[0] > range[1])
        {
            fail(path, $"[{range[0]}, {range[1]}] is not a range within 1..{bins}");
            return false;
        }

        return true;
    }

    private static void ValidateAbc(AbcPolicy abc, Action<string, string> fail)
    {
        if (abc.AUpTo is <= 0 or >= 1)
        {
            fail("$.abc.aUpTo", "must be a share above 0 and below 1");
        }

        if (abc.BUpTo is <= 0 or > 1)
        {
            fail("$.abc.bUpTo", "must be a share above 0 and at most 1");
        }

        if (abc.AUpTo >= abc.BUpTo)
        {
            fail("$.abc", $"thresholds overlap: A up to {abc.AUpTo} must be below B up to {abc.BUpTo}");
        }
    }

    private static void ValidateTiers(TierPolicy tiers, Action<string, string> fail)
    {
        var names = tiers.Names;
        if (names.Count is < 2 or > 10)
        {
            fail("$.tiers.names", $"needs 2 to 10 tiers, not {names.Count}");
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]) || names[i].Length > 32)
            {
                fail($"$.tiers.names[{i}]", "must be 1 to 32 characters");
            }
            else if (names.Take(i).Contains(names[i], StringComparer.Ordinal))
            {
                fail($"$.tiers.names[{i}]", $"'{names[i]}' appears twice");
            }
        }

        if (tiers.Method == TierMethod.RankShare)
        {
            if (tiers.Shares is not { } shares || shares.Count != names.Count)
            {
                fail("$.tiers.shares", $"needs one share per tier ({names.Count})");
            }
            else
            {
                for (var i = 0; i < shares.Count; i++)
                {
                    if (shares[i] is <= 0 or > 1)
                    {
                        fail($"$.tiers.shares[{i}]", "must be above 0 and at most 1");
                    }
                }

                if (Math.Abs(shares.Sum() - 1) > Tolerance)
                {
                    fail("$.tiers.shares", $"must sum to 1, not {shares.Sum().ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }
        else if (tiers.Thresholds is not { } thresholds || thresholds.Count != names.Count - 1)
        {
            fail("$.tiers.thresholds", $"needs a minimum score for every tier but the last ({names.Count - 1})");
        }
        else
        {
            for (var i = 0; i < thresholds.Count; i++)
            {
                if (thresholds[i] is < 0 or > 100)
                {
                    fail($"$.tiers.thresholds[{i}]", "must be a score between 0 and 100");
                }

                if (i > 0 && thresholds[i] >= thresholds[i - 1])
                {
                    fail($"$.tiers.thresholds[{i}]", $"overlaps: {thresholds[i]} for '{names[i]}' must be below {thresholds[i - 1]} for '{names[i - 1]}'");
                }
            }
        }

        var w = tiers.Weights;
        foreach (var (name, weight) in new[] { ("monetary", w.Monetary), ("frequency", w.Frequency), ("recency", w.Recency), ("margin", w.Margin), ("breadth", w.Breadth), ("growth", w.Growth) })
        {
            if (weight is < 0 or > 1 || double.IsNaN(weight))
            {
                fail($"$.tiers.weights.{name}", "must be between 0 and 1");
            }
        }

        if (Math.Abs(w.Sum() - 1) > Tolerance)
        {
            fail("$.tiers.weights", $"must sum to 1, not {w.Sum().ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void ValidateLifecycle(LifecyclePolicy lifecycle, Action<string, string> fail)
    {
        if (lifecycle.NewWithinDays < 1)
        {
            fail("$.lifecycle.newWithinDays", "must be at least 1");
        }

        if (lifecycle.ChurnAfterDays <= lifecycle.NewWithinDays)
        {
            fail("$.lifecycle.churnAfterDays", $"must be more than newWithinDays ({lifecycle.NewWithinDays})");
        }

        if (lifecycle.GrowingAbove <= lifecycle.DecliningBelow)
        {
            fail("$.lifecycle", $"thresholds overlap: growingAbove ({lifecycle.GrowingAbove}) must be above decliningBelow ({lifecycle.DecliningBelow})");
        }
    }

    private static void ValidateDisplayNames(
        IReadOnlyDictionary<string, LocalizedText> displayNames, IReadOnlyList<string> names, string path, string what, Action<string, string> fail)
    {
        foreach (var (name, text) in displayNames)
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                fail($"{path}.{name}", $"'{name}' is not a {what}");
            }

            foreach (var (language, value) in new[] { ("en", text.En), ("zh", text.Zh) })
            {
                if (string.IsNullOrWhiteSpace(value) || value.Length > MaxDisplayName)
                {
                    fail($"{path}.{name}.{language}", $"must be 1 to {MaxDisplayName} characters");
                }
            }
        }
    }

    private static string Cells(IEnumerable<(int R, int Fm)> cells) => string.Join(" ", cells.Select(c => $"({c.R},{c.Fm})"));
}
