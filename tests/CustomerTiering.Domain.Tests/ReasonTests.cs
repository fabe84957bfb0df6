using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class ReasonTests
{
    private static readonly GradingResult Result = Grading.Grade(Customer.Ladder(200), null, Grading.Held("C197", "VIP"));

    [Fact]
    public void A_VIP_is_told_their_rank_and_what_VIP_requires()
    {
        var reasons = GradeExplainer.Explain(Result.Of("C200"), TieringPolicy.Default);

        var tier = reasons[0];
        Assert.Equal(ReasonCode.TierByRank, tier.Code);
        Assert.Equal(0.005, tier.Share!.Value, 6); // shares are kept in single precision
        Assert.Equal(0.01, tier.Required);
        Assert.Equal(
            "VIP: a value score of 40.0 ranks in the top 0.5% of customers; VIP takes the top 1% (a score of 39.8 or more this period).",
            ReasonRenderer.Render(tier, ReasonLanguage.English, DisplayNames.Default));
        Assert.Equal(
            "VIP：价值得分 40.0，位列全部客户前 0.5%；VIP 为前 1% 的客户（本期得分须达 39.8）。",
            ReasonRenderer.Render(tier, ReasonLanguage.SimplifiedChinese, DisplayNames.Default));
    }

    [Fact]
    public void A_customer_held_by_hysteresis_is_told_so_and_how_long_they_have()
    {
        var reasons = GradeExplainer.Explain(Result.Of("C197"), TieringPolicy.Default);

        Assert.Equal(ReasonCode.HeldByHysteresis, reasons[0].Code);
        Assert.Equal(
            "Kept in VIP although the value score of 39.4 earns A: demotion comes after 2 periods below, and this is 1.",
            ReasonRenderer.Render(reasons[0], ReasonLanguage.English, DisplayNames.Default));
    }

    [Fact]
    public void A_lower_tier_is_told_what_the_next_tier_needs()
    {
        var reasons = GradeExplainer.Explain(Result.Of("C150"), TieringPolicy.Default);

        var next = Assert.Single(reasons, r => r.Code == ReasonCode.NextTier);
        Assert.Equal("B", next.Tier);
        Assert.Equal("To reach B, the value score must rise from 29.9 to 32.2.", ReasonRenderer.Render(next, ReasonLanguage.English, DisplayNames.Default));
    }

    [Fact]
    public void Every_reason_of_every_grade_renders_in_both_languages_without_gaps()
    {
        foreach (var grade in Result.Grades)
        {
            foreach (var reason in GradeExplainer.Explain(grade, TieringPolicy.Default))
            {
                foreach (var language in Enum.GetValues<ReasonLanguage>())
                {
                    var text = ReasonRenderer.Render(reason, language, DisplayNames.Default);
                    Assert.False(string.IsNullOrWhiteSpace(text));
                    Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                    Assert.DoesNotContain(reason.Code.ToString(), text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Segment_names_are_translated_in_Chinese()
    {
        var reason = new GradeReason(ReasonCode.Segment, "Can't Lose Them", "R1 F5 M5");

        Assert.Equal("RFM 得分 R1 F5 M5：不能失去的客户。", ReasonRenderer.Render(reason, ReasonLanguage.SimplifiedChinese, DisplayNames.Default));
    }

    [Fact]
    public void A_segment_and_a_tier_renamed_in_the_policy_are_told_by_the_display_names_the_policy_gives_them()
    {
        var policy = Renamed with
        {
            Rfm = Renamed.Rfm with { DisplayNames = new Dictionary<string, LocalizedText> { ["Do Not Lose"] = LocalizedText.Of("Do not lose", "千万别丢") } },
            Tiers = Renamed.Tiers with { DisplayNames = new Dictionary<string, LocalizedText> { ["A"] = LocalizedText.Of("Gold", "金牌") } },
        };
        var names = DisplayNames.Of(policy);

        Assert.Equal("RFM 得分 R1 F5 M5：千万别丢。", ReasonRenderer.Render(new GradeReason(ReasonCode.Segment, "Do Not Lose", "R1 F5 M5"), ReasonLanguage.SimplifiedChinese, names));
        Assert.Equal("RFM scores R1 F5 M5: Do not lose.", ReasonRenderer.Render(new GradeReason(ReasonCode.Segment, "Do Not Lose", "R1 F5 M5"), ReasonLanguage.English, names));
        Assert.Equal("To reach Gold, the value score must rise from 29.9 to 32.2.",
            ReasonRenderer.Render(new GradeReason(ReasonCode.NextTier, "A", Value: 29.9, Threshold: 32.2), ReasonLanguage.English, names));
        Assert.Empty(TieringPolicyValidator.Validate(policy));
    }

    [Fact]
    public void A_policy_saved_without_display_names_keeps_the_default_translations_and_a_name_it_alone_has_reads_as_itself()
    {
        var names = DisplayNames.Of(Renamed with
        {
            Rfm = Renamed.Rfm with { DisplayNames = new Dictionary<string, LocalizedText>() },
            Tiers = Renamed.Tiers with { DisplayNames = new Dictionary<string, LocalizedText>() },
        });

        Assert.Equal("不能失去的客户", names.Segment("Can't Lose Them", ReasonLanguage.SimplifiedChinese));
        Assert.Equal("B 级", names.Tier("B", ReasonLanguage.SimplifiedChinese));
        Assert.Equal("Do Not Lose", names.Segment("Do Not Lose", ReasonLanguage.SimplifiedChinese));
    }

    [Fact]
    public void Display_names_of_a_tier_or_segment_the_policy_does_not_have_or_left_empty_are_refused()
    {
        var policy = TieringPolicy.Default with
        {
            Rfm = TieringPolicy.Default.Rfm with { DisplayNames = new Dictionary<string, LocalizedText> { ["Sleepers"] = LocalizedText.Of("Sleepers", "沉睡") } },
            Tiers = TieringPolicy.Default.Tiers with { DisplayNames = new Dictionary<string, LocalizedText> { ["A"] = LocalizedText.Of("Gold", " ") } },
        };

        Assert.Equal(["$.tiers.displayNames.A.zh", "$.rfm.displayNames.Sleepers"], TieringPolicyValidator.Validate(policy).Select(v => v.Path));
    }

    /// <summary>The default policy with "Can't Lose Them" renamed "Do Not Lose" (and the slip event that named it).</summary>
    private static readonly TieringPolicy Renamed = TieringPolicy.Default with
    {
        Rfm = TieringPolicy.Default.Rfm with
        {
            Segments = [.. TieringPolicy.Default.Rfm.Segments.Select(s => s.Segment == "Can't Lose Them" ? s with { Segment = "Do Not Lose" } : s)],
        },
        SlipEvents = TieringPolicy.Default.SlipEvents with { Segments = ["At Risk", "Do Not Lose", "Hibernating"] },
    };
}
