using CustomerTiering.Domain.Customers;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits BG/NBD by maximum likelihood: BFGS (MathNet.Numerics) on the log of each parameter, so they stay positive,
/// with the analytic gradient. Customers with the same (x, t_x, T) in days are one weighted term, and the terms that
/// depend on x alone are computed once per distinct x, so a million customers cost a few thousand terms per step.
/// </summary>
public static class BgNbdFitter
{
    internal const double DaysPerWeek = 7.0;

    public static ModelFit<BgNbdModel> Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var (cells, customers) = Cells(histories);
        if (customers == 0)
        {
            throw new ArgumentException("BG/NBD needs at least one customer with a purchase.", nameof(histories));
        }

        var counts = cells.Select(c => c.X).Distinct().Order().ToArray();
        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var (value, gradient) = NegativeLogLikelihood(theta, cells, counts);
            return (value / customers, gradient / customers);
        });

        // Starting values near what retail data usually gives; the log scale makes the start matter little.
        var start = Vector<double>.Build.Dense([Math.Log(0.5), Math.Log(5.0), Math.Log(0.8), Math.Log(2.5)]);
        try
        {
            var result = new BfgsMinimizer(1e-7, 1e-9, 1e-12, 1000).FindMinimum(objective, start);
            return Fitted(result.MinimizingPoint, cells, counts, customers, result.Iterations, true);
        }
        catch (MaximumIterationsException)
        {
            return Fitted(start, cells, counts, customers, 1000, false);
        }
    }

    private static ModelFit<BgNbdModel> Fitted(Vector<double> theta, Cell[] cells, int[] counts, int customers, int iterations, bool converged) =>
        new(Model(theta), -NegativeLogLikelihood(theta, cells, counts).Value, customers, iterations, converged);

    private static BgNbdModel Model(Vector<double> theta) => new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));

    /// <summary>−LL and its gradient with respect to the log parameters.</summary>
    private static (double Value, Vector<double> Gradient) NegativeLogLikelihood(Vector<double> theta, Cell[] cells, int[] counts)
    {
        var model = Model(theta);
        var (r, alpha, a, b) = (model.R, model.Alpha, model.A, model.B);
        var terms = new Dictionary<int, (CountTerms Terms, double DR, double DA, double DB)>(counts.Length);
        foreach (var x in counts)
        {
            // Derivatives of the x-only terms: ψ differences from lnΓ(r + x) − lnΓ(r) and the Beta function part.
            terms[x] = (model.CountTerms(x),
                SpecialFunctions.DiGamma(r + x) - SpecialFunctions.DiGamma(r),
                SpecialFunctions.DiGamma(a + b) - SpecialFunctions.DiGamma(a + b + x),
                SpecialFunctions.DiGamma(a + b) + SpecialFunctions.DiGamma(b + x) - SpecialFunctions.DiGamma(b) - SpecialFunctions.DiGamma(a + b + x));
        }

        double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        foreach (var cell in cells)
        {
            var (x, tx, t, w) = (cell.X, cell.Tx, cell.T, cell.Weight);
            var (countTerms, dr, da, db) = terms[x];
            var rx = r + x;
            var a3 = -rx * Math.Log(alpha + t);
            double share3 = 1, a4 = 0;
            if (x > 0)
            {
                a4 = countTerms.DropoutLog - (rx * Math.Log(alpha + tx));
                share3 = 1.0 / (1.0 + Math.Exp(a4 - a3));
            }

            var share4 = 1 - share3;
            ll += w * (x == 0 ? countTerms.Constant + a3 : countTerms.Constant + Math.Max(a3, a4) + Math.Log(1 + Math.Exp(-Math.Abs(a3 - a4))));
            gr += w * (dr + Math.Log(alpha) - (share3 * Math.Log(alpha + t)) - (share4 * (x > 0 ? Math.Log(alpha + tx) : 0)));
            gAlpha += w * ((r / alpha) - (share3 * rx / (alpha + t)) - (share4 * (x > 0 ? rx / (alpha + tx) : 0)));
            ga += w * (da + (share4 / a));
            gb += w * (db - (x > 0 ? share4 / (b + x - 1) : 0));
        }

        // d/dθ = p · d/dp for p = e^θ; negated for the minimizer.
        var gradient = Vector<double>.Build.Dense([-gr * r, -gAlpha * alpha, -ga * a, -gb * b]);
        return (-ll, gradient);
    }

    private static (Cell[] Cells, int Customers) Cells(IEnumerable<PurchaseHistory> histories)
    {
        var weights = new Dictionary<(int, int, int), int>();
        var customers = 0;
        foreach (var h in histories)
        {
            var key = (h.RepeatPurchases, h.LastPurchaseDay, h.AgeDays);
            weights[key] = weights.GetValueOrDefault(key) + 1;
            customers++;
        }

        var cells = weights
            .OrderBy(p => p.Key)
            .Select(p => new Cell(p.Key.Item1, p.Key.Item2 / DaysPerWeek, p.Key.Item3 / DaysPerWeek, p.Value))
            .ToArray();
        return (cells, customers);
    }

    private readonly record struct Cell(int X, double Tx, double T, int Weight);
}
