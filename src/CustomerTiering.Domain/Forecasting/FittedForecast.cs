using CustomerTiering.Domain.Customers;
using CustomerTiering.Domain.Policy;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Both models fitted on a set of purchase histories, ready to forecast any of them over a horizon. Without a usable
/// spend model (no repeat buyers, or q ≤ 1, where the model's mean does not exist) spend per purchase is the customer's
/// own mean, or the mean of all repeat buyers for a customer without a repeat purchase.
/// </summary>
internal sealed class FittedForecast
{
    private const double WeeksPerMonth = 52.1775 / 12;
    private readonly GammaGammaModel? _spend;
    private readonly double _observedMean;
    private readonly double _horizonWeeks;

    private FittedForecast(ModelFit<BgNbdModel> purchases, ModelFit<GammaGammaModel>? spend, double observedMean, int horizonMonths)
    {
        Purchases = purchases;
        Spend = spend;
        _spend = spend is { Converged: true, Model.Q: > 1 } ? spend.Model : null;
        _observedMean = observedMean;
        _horizonWeeks = horizonMonths * WeeksPerMonth;
    }

    public ModelFit<BgNbdModel> Purchases { get; }

    public ModelFit<GammaGammaModel>? Spend { get; }

    /// <summary>Said of a fit whose spend per purchase falls back to observed means; null otherwise.</summary>
    public string? Note => _spend is null ? "no usable spend model (too few repeat buyers, or q ≤ 1): spend per purchase is the customer's own mean" : null;

    /// <summary>The fit, or why there is none: too few customers, or a purchase model that did not converge.</summary>
    public static (FittedForecast? Fitted, ModelFit<BgNbdModel>? Purchases, string? Why) Fit(IReadOnlyList<PurchaseHistory> histories, ForecastPolicy policy, int horizonMonths)
    {
        if (histories.Count < policy.MinCustomers)
        {
            return (null, null, $"{histories.Count} customers with a purchase; the policy fits the models from {policy.MinCustomers}");
        }

        var purchases = BgNbdFitter.Fit(histories);
        if (!purchases.Converged)
        {
            return (null, purchases, "the purchase model did not converge");
        }

        var repeatBuyers = histories.Where(h => h.RepeatPurchases > 0).ToList();
        var observedMean = repeatBuyers.Count > 0 ? (double)repeatBuyers.Average(h => h.MeanRepeatValue) : 0.0;
        return (new FittedForecast(purchases, GammaGammaFitter.Fit(histories), observedMean, horizonMonths), purchases, null);
    }

    /// <summary>P(alive), expected purchases and revenue over the horizon; null where a figure would not be finite.</summary>
    public (double Alive, double Purchases, double Revenue)? Predict(PurchaseHistory h)
    {
        var (x, tx, t) = (h.RepeatPurchases, h.LastPurchaseDay / BgNbdFitter.DaysPerWeek, h.AgeDays / BgNbdFitter.DaysPerWeek);
        var model = Purchases.Model;
        var alive = model.ProbabilityAlive(x, tx, t);
        var expected = model.ExpectedPurchases(_horizonWeeks, x, tx, t);
        var value = _spend?.ExpectedValue(x, (double)h.MeanRepeatValue) ?? (x > 0 ? (double)h.MeanRepeatValue : _observedMean);
        var revenue = expected * value;
        return double.IsFinite(alive) && double.IsFinite(expected) && double.IsFinite(revenue) && Math.Abs(revenue) < 1e15
            ? (alive, expected, Math.Round(revenue, 2))
            : null;
    }
}
