using CustomerTiering.Domain.Grading;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class HysteresisTests
{
    // 100 customers on a revenue ladder: C100 earns VIP, C099–C096 earn A, C095–C081 earn B.
    private static GradingResult GradeWith(params PreviousGrade[] previous) => Grading.Grade(Customer.Ladder(100), null, previous);

    [Fact]
    public void A_customer_who_dips_for_one_period_keeps_their_tier()
    {
        var grade = GradeWith(Grading.Held("C099", "VIP")).Of("C099");

        Assert.Equal("VIP", grade.Tier);
        Assert.Equal(TierMovement.Same, grade.Movement);
        Assert.True(grade.Evidence.HeldByHysteresis);
        Assert.Equal(1, grade.Evidence.PeriodsBelowTier);
        Assert.Equal(1, grade.Evidence.EarnedTierIndex);
    }

    [Fact]
    public void The_second_consecutive_period_below_demotes()
    {
        var grade = GradeWith(Grading.Held("C099", "VIP", periodsBelow: 1)).Of("C099");

        Assert.Equal("A", grade.Tier);
        Assert.Equal(TierMovement.Down, grade.Movement);
        Assert.False(grade.Evidence.HeldByHysteresis);
        Assert.Equal(0, grade.Evidence.PeriodsBelowTier);
    }

    [Fact]
    public void Falling_more_than_the_margin_below_the_cut_demotes_at_once()
    {
        var grade = GradeWith(Grading.Held("C050", "VIP")).Of("C050");

        Assert.Equal("D", grade.Tier);
        Assert.True(grade.Evidence.DemotedByMargin);
    }

    [Fact]
    public void Promotion_takes_effect_at_once()
    {
        var grade = GradeWith(Grading.Held("C100", "B")).Of("C100");

        Assert.Equal("VIP", grade.Tier);
        Assert.Equal(TierMovement.Up, grade.Movement);
        Assert.Equal("B", grade.PreviousTier);
    }

    [Fact]
    public void A_customer_without_a_previous_grade_is_new_and_the_movement_matrix_counts_them()
    {
        var result = GradeWith(Grading.Held("C100", "VIP"), Grading.Held("C099", "B"));

        Assert.Equal(TierMovement.New, result.Of("C001").Movement);
        Assert.Equal(1, result.Summary.Movements["VIP"]["VIP"]);
        Assert.Equal(1, result.Summary.Movements["B"]["A"]);
        Assert.Equal(98, result.Summary.Movements["new"].Values.Sum());
    }

    [Fact]
    public void A_held_customer_whose_revenue_vanishes_is_demoted_at_once()
    {
        var customers = Customer.Ladder(100);
        customers[98] = Customer.Called("C099").Revenue(0).Orders(0);

        var grade = Grading.Grade(customers, null, Grading.Held("C099", "VIP")).Of("C099");

        Assert.Equal("D", grade.Tier);
    }
}
