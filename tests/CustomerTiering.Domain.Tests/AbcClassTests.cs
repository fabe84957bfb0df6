using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class AbcClassTests
{
    [Fact]
    public void Revenue_basis_classes_by_the_share_of_revenue_ahead_of_each_customer()
    {
        // Shares ahead: 0, .50, .80, .90, .95, .98
        var result = Grading.Grade(
        [
            Customer.Called("c50").Revenue(50), Customer.Called("c30").Revenue(30), Customer.Called("c10").Revenue(10),
            Customer.Called("c5").Revenue(5), Customer.Called("c3").Revenue(3), Customer.Called("c2").Revenue(2),
        ]);

        Assert.Equal([AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C], result.Grades.Select(g => g.Abc));
        Assert.Equal(0.5, result.Of("c30").Evidence.AbcShareBefore, 12);
    }

    [Fact]
    public void Equal_revenue_means_equal_class_even_across_a_boundary()
    {
        var result = Grading.Grade(
        [
            Customer.Called("big").Revenue(70), Customer.Called("t1").Revenue(10), Customer.Called("t2").Revenue(10), Customer.Called("small").Revenue(10),
        ]);

        Assert.All(["t1", "t2", "small"], id => Assert.Equal(AbcClass.A, result.Of(id).Abc));
    }

    [Fact]
    public void No_positive_revenue_is_always_C()
    {
        var result = Grading.Grade([Customer.Called("none").Revenue(0), Customer.Called("returns").Revenue(-20), Customer.Called("one").Revenue(1)]);

        Assert.Equal([AbcClass.C, AbcClass.C, AbcClass.A], result.Grades.Select(g => g.Abc));
    }

    [Fact]
    public void Customer_basis_makes_the_top_share_of_customers_A()
    {
        var policy = TieringPolicy.Default with { Abc = new AbcPolicy { Basis = AbcBasis.Customers, AUpTo = 0.05, BUpTo = 0.20 } };

        var result = Grading.Grade(Customer.Ladder(40), policy);

        Assert.Equal(2, result.Grades.Count(g => g.Abc == AbcClass.A));
        Assert.Equal(6, result.Grades.Count(g => g.Abc == AbcClass.B));
        Assert.Equal(AbcClass.A, result.Of("C040").Abc);
    }
}
