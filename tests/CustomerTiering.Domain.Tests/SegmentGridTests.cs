using CustomerTiering.Domain.Policy;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class SegmentGridTests
{
    private static readonly string[] Eleven =
    [
        "Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "Promising", "Need Attention",
        "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost",
    ];

    // The rule table most often copied from tutorials, evaluated first match wins.
    private static readonly RfmPolicy TutorialTable = new()
    {
        Bins = 5,
        Segments =
        [
            new("Champions", [4, 5], [4, 5]),
            new("Loyal Customers", [2, 5], [3, 5]),
            new("Potential Loyalists", [3, 5], [1, 3]),
            new("New Customers", [4, 5], [1, 1]),
            new("Promising", [3, 4], [1, 1]),
            new("Need Attention", [2, 3], [2, 3]),
            new("About to Sleep", [2, 3], [1, 2]),
            new("At Risk", [1, 2], [2, 5]),
            new("Can't Lose Them", [1, 1], [4, 5]),
            new("Hibernating", [1, 2], [1, 2]),
            new("Lost", [1, 1], [1, 1]),
        ],
    };

    [Fact]
    public void Every_R_F_M_combination_lands_in_a_segment_and_all_eleven_are_reachable()
    {
        var grid = new SegmentGrid(TieringPolicy.Default.Rfm);
        var reached = new HashSet<string>();
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    var segment = grid.SegmentOf(r, SegmentGrid.CombineFrequencyMonetary(f, m));
                    Assert.NotNull(segment);
                    reached.Add(segment);
                }
            }
        }

        Assert.Equal(Eleven.Order(), reached.Order());
    }

    [Fact]
    public void The_default_grid_assigns_every_cell_to_exactly_one_rule()
    {
        var rules = TieringPolicy.Default.Rfm.Segments;
        for (var r = 1; r <= 5; r++)
        {
            for (var fm = 1; fm <= 5; fm++)
            {
                Assert.Single(rules, rule => rule.Covers(r, fm));
            }
        }
    }

    [Fact]
    public void The_tutorial_table_shadows_four_segments_and_validation_names_them_with_their_cells()
    {
        var grid = new SegmentGrid(TutorialTable);

        var shadowed = grid.ShadowedRules().Select(s => TutorialTable.Segments[s.Rule].Segment);

        Assert.Equal(["New Customers", "Promising", "Can't Lose Them", "Lost"], shadowed);
        var problems = TieringPolicyValidator.Validate(TieringPolicy.Default with { Rfm = TutorialTable });
        var lost = Assert.Single(problems, p => p.Path == "$.rfm.segments[10]");
        Assert.Equal("'Lost' can never match: every cell it covers ((1,1)) is taken first by [9] 'Hibernating'", lost.Message);
    }

    [Fact]
    public void A_grid_with_gaps_reports_the_cells_no_rule_covers()
    {
        var gappy = TieringPolicy.Default.Rfm with
        {
            Segments = [.. TieringPolicy.Default.Rfm.Segments.Where(s => s.Segment is not ("Need Attention" or "Lost"))],
            DisplayNames = TieringPolicy.Default.Rfm.DisplayNames.Where(n => n.Key is not ("Need Attention" or "Lost")).ToDictionary(),
        };

        var problem = Assert.Single(TieringPolicyValidator.Validate(TieringPolicy.Default with { Rfm = gappy }));

        Assert.Equal("$.rfm.segments", problem.Path);
        Assert.Equal("no rule covers 3 cell(s) (R, FM): (3,2) (1,1) (1,2)", problem.Message);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(4, 5, 5)]
    [InlineData(5, 1, 3)]
    [InlineData(2, 3, 3)]
    public void FM_is_the_mean_of_F_and_M_rounded_half_up(int f, int m, int expected) =>
        Assert.Equal(expected, SegmentGrid.CombineFrequencyMonetary(f, m));
}
