using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Domain.Policy;
using MathNet.Numerics.Distributions;
using Xunit;

namespace CustomerTiering.Domain.Tests;

public sealed class BacktestTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly Split = new(2025, 6, 30);

    /// <summary>Customers buying exactly as BG/NBD and Gamma-Gamma describe, first purchases spread over the first year.</summary>
    private static List<IReadOnlyCollection<Order>> Shop(int count, int seed)
    {
        var random = new Random(seed);
        var (model, spend) = (new BgNbdModel(0.8, 6, 0.9, 3), new GammaGammaModel(4, 6, 100));
        var shop = new List<IReadOnlyCollection<Order>>();
        for (var c = 0; c < count; c++)
        {
            var id = CustomerId.Create($"C{c}");
            var first = Start.AddDays(random.Next(0, 365));
            var rate = Gamma.Sample(random, model.R, model.Alpha);
            var dropout = Beta.Sample(random, model.A, model.B);
            var scale = Gamma.Sample(random, spend.Q, spend.Gamma);
            var orders = new List<Order> { new($"O{c}-0", id, first, 50, null, null) };
            var weeks = 0.0;
            while (true)
            {
                weeks += Exponential.Sample(random, rate);
                if (weeks > 200 || first.AddDays((int)(weeks * 7)) is var day && day > Split.AddMonths(12))
                {
                    break;
                }

                orders.Add(new Order($"O{c}-{orders.Count}", id, day, Math.Round((decimal)Gamma.Sample(random, spend.P, scale), 2) + 0.01m, null, null));
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }

            shop.Add(orders);
        }

        return shop;
    }

    [Fact]
    public void On_customers_who_buy_as_the_model_says_the_holdout_is_predicted_closely_and_the_top_decile_spends_most()
    {
        var report = Backtest.Run(Shop(20_000, 4), Split, 6, TieringPolicy.Default.Forecast);

        Assert.Equal(20_000, report.Customers);
        Assert.True(Math.Abs(report.PurchasesError) < 0.10, $"predicted {report.PredictedPurchases} against {report.ActualPurchases} actual");
        Assert.Equal(report.ActualPurchases, (int)Math.Round(report.Buckets.Sum(b => b.ActualMean * b.Customers)));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], report.Buckets.Select(b => b.RepeatPurchases));
        Assert.All(report.Buckets.Where(b => b.Customers >= 500), b => Assert.True(Math.Abs(b.PredictedMean - b.ActualMean) < 0.25 + (0.2 * b.ActualMean), $"{b}"));
        Assert.True(report.TopDecileLift > 2, $"the top decile spent {report.TopDecileLift}× the average");
    }

    [Fact]
    public void Too_few_customers_before_the_split_give_a_report_that_says_so()
    {
        var report = Backtest.Run(Shop(20, 1), Split, 6, TieringPolicy.Default.Forecast);

        Assert.Empty(report.Buckets);
        Assert.Contains("fits the models from 50", report.Note, StringComparison.Ordinal);
    }
}
