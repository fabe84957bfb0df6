using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class CreditTests
{
    private static readonly MetricsWindow Window = new(Customer.AsOf, 12);
    private static readonly CreditPolicy Standard = TieringPolicy.Default.Credit;

    private static Invoice Invoice(string id, int dueDaysAgo, decimal amount, int? paidDaysAgo = null, decimal? paid = null) =>
        new(id, CustomerId.Create("K1"), Customer.AsOf.AddDays(-dueDaysAgo - 30), Customer.AsOf.AddDays(-dueDaysAgo), amount,
            paidDaysAgo is { } p ? Customer.AsOf.AddDays(-p) : null, paid);

    [Fact]
    public void The_record_weights_days_late_by_amount_counts_late_invoices_and_the_oldest_overdue_one()
    {
        var record = CreditRecord.Of(
        [
            Invoice("I1", dueDaysAgo: 100, 1000m, paidDaysAgo: 100),             // on time
            Invoice("I2", dueDaysAgo: 100, 3000m, paidDaysAgo: 80),              // 20 days late
            Invoice("I3", dueDaysAgo: 40, 500m),                                 // open, 40 days overdue
            Invoice("I4", dueDaysAgo: -10, 700m),                                // not yet due: balance only
            Invoice("I5", dueDaysAgo: 60, 800m, paidDaysAgo: 50, paid: 300m),    // part paid: 500 open, 60 days overdue
            Invoice("I5", dueDaysAgo: 60, 800m, paidDaysAgo: 50, paid: 300m),    // the same invoice again counts once
        ], Window, creditLimit: 2000m)!;

        Assert.Equal(4, record.Invoices);
        Assert.Equal(Math.Round(((0 * 1000.0) + (20 * 3000.0) + (40 * 500.0) + (60 * 800.0)) / 5300.0, 2), record.WeightedDaysLate);
        Assert.Equal(0.75, record.LateShare);
        Assert.Equal(60, record.LongestOverdueDays);
        Assert.Equal(500m + 700m + 500m, record.OpenBalance);
        Assert.Equal(1700.0 / 2000.0, record.CreditUse!.Value, 1e-12);
    }

    [Fact]
    public void Without_invoices_there_is_no_credit_history_and_no_grade_not_the_worst()
    {
        Assert.Null(CreditRecord.Of([], Window, 5000m));
        Assert.Equal(-1, CreditGrader.Grade(null, Standard));
        Assert.Null(CreditRecord.Of([Invoice("late", dueDaysAgo: 500, 100m, paidDaysAgo: 400)], Window, null)); // due and paid before the window
    }

    [Theory]
    [InlineData(2.0, 0.05, 0, 0.5, "A")]
    [InlineData(6.0, 0.05, 0, 0.5, "B")]   // days late beyond A's 5
    [InlineData(2.0, 0.20, 0, 0.5, "B")]   // late share beyond A's 10%
    [InlineData(2.0, 0.05, 10, 0.5, "B")]  // an invoice overdue, which A allows none of
    [InlineData(2.0, 0.05, 0, 0.9, "B")]   // credit use beyond A's 80%
    [InlineData(20.0, 0.05, 0, 0.5, "C")]  // beyond B's 15 days
    [InlineData(2.0, 0.30, 0, 0.5, "C")]
    [InlineData(2.0, 0.05, 45, 0.5, "C")]
    [InlineData(2.0, 0.05, 0, 1.1, "C")]
    [InlineData(50.0, 0.05, 0, 0.5, "D")]  // beyond C's 45 days
    [InlineData(2.0, 0.60, 0, 0.5, "D")]
    [InlineData(2.0, 0.05, 120, 0.5, "D")] // 90 days overdue: D
    [InlineData(2.0, 0.05, 0, 1.5, "D")]
    public void Each_limit_of_a_grade_holds_the_customer_below_it(double daysLate, double lateShare, int overdue, double creditUse, string expected)
    {
        var record = new CreditRecord(10, daysLate, lateShare, overdue, (decimal)creditUse * 1000m, 1000m);

        Assert.Equal(expected, Standard.Grades[CreditGrader.Grade(record, Standard)]);
    }

    [Fact]
    public void Credit_use_is_not_checked_without_a_credit_limit()
    {
        var record = new CreditRecord(3, 0, 0, 0, 1_000_000m, null);

        Assert.Null(record.CreditUse);
        Assert.Equal("A", Standard.Grades[CreditGrader.Grade(record, Standard)]);
    }

    [Fact]
    public void Grades_summary_and_reasons_carry_the_credit_grade_and_a_VIP_who_pays_late_is_a_warning()
    {
        var customers = Customer.Ladder(200).Select((c, i) => c with
        {
            Credit = i switch
            {
                199 => new CreditRecord(5, 60, 0.8, 120, 9000m, 10_000m), // the VIP pays 120 days late: D
                198 => new CreditRecord(5, 1, 0.0, 0, 100m, null),
                < 50 => null,
                _ => new CreditRecord(4, 10, 0.2, 20, 100m, 1000m),
            },
        }).ToArray();

        var result = Grading.Grade(customers);

        var vip = result.Of("C200");
        Assert.Equal("VIP", vip.Tier);
        Assert.Equal("D", vip.CreditGrade);
        Assert.Equal("A", result.Of("C199").CreditGrade);
        Assert.Null(result.Of("C001").CreditGrade);
        var credit = result.Summary.Credit!;
        Assert.Equal(["A", "B", "C", "D", CreditSummary.NoHistory], credit.Grades.Select(g => g.Group));
        Assert.Equal([1, 148, 0, 1, 50], credit.Grades.Select(g => g.Customers));
        Assert.Equal(1, credit.ByTier["VIP"]["D"]);
        Assert.Equal(customers.Sum(c => c.NetRevenue), credit.Grades.Sum(g => g.Revenue));
        var warning = Assert.Single(result.Summary.Warnings!, w => w.Code == SeparationCode.TopTierPoorCredit);
        Assert.Equal("1 VIP customer(s) have credit grade D: they pay late or owe too much. Review their credit terms before serving them as VIP.",
            WarningRenderer.Render(warning, ReasonLanguage.English));

        var reason = ReasonRenderer.Render(GradeExplainer.Explain(vip, TieringPolicy.Default).Single(r => r.Code == ReasonCode.Credit), ReasonLanguage.English, DisplayNames.Default);
        Assert.Equal("Credit D: paid 60.0 day(s) late on average (weighted by amount), 80% of invoices late, the oldest open invoice 120 day(s) overdue, 90% of the credit limit used. C needs fewer days late on average.", reason);
        Assert.Contains("信用等级 D", ReasonRenderer.Render(GradeExplainer.Explain(vip, TieringPolicy.Default).Single(r => r.Code == ReasonCode.Credit), ReasonLanguage.SimplifiedChinese, DisplayNames.Default), StringComparison.Ordinal);
        Assert.Contains(GradeExplainer.Explain(result.Of("C001"), TieringPolicy.Default), r => r.Code == ReasonCode.NoCreditHistory);
    }

    [Fact]
    public void A_policy_whose_credit_limits_do_not_fit_its_grades_is_refused()
    {
        var policy = TieringPolicy.Default with { Credit = new CreditPolicy { Grades = ["Good", "Bad"], Limits = [] } };

        Assert.Contains(TieringPolicyValidator.Validate(policy), v => v.Path == "$.credit.limits");
    }
}
