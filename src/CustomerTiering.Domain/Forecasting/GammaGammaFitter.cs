using CustomerTiering.Domain.Customers;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits Gamma-Gamma by maximum likelihood on the customers with at least one repeat purchase and a positive mean:
/// BFGS on the log parameters with the analytic gradient, the ψ terms once per distinct x.
/// </summary>
public static class GammaGammaFitter
{
    /// <summary>The fit, or null when fewer than two customers have repeat purchases (nothing to fit).</summary>
    public static ModelFit<GammaGammaModel>? Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var repeat = histories
            .Where(h => h.RepeatPurchases > 0 && h.MeanRepeatValue > 0)
            .Select(h => (X: h.RepeatPurchases, M: (double)h.MeanRepeatValue))
            .OrderBy(h => h.X).ThenBy(h => h.M)
            .ToArray();
        if (repeat.Length < 2)
        {
            return null;
        }

        var counts = repeat.Select(h => h.X).Distinct().ToArray();
        var logMeans = repeat.Select(h => Math.Log(h.M)).ToArray();
        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var (value, gradient) = NegativeLogLikelihood(theta, repeat, logMeans, counts);
            return (value / repeat.Length, gradient / repeat.Length);
        });

        // p near the spread of one customer's orders, q a little above 1, γ on the scale of the mean spend.
        var meanSpend = repeat.Average(h => h.M);
        var start = Vector<double>.Build.Dense([Math.Log(2.0), Math.Log(3.0), Math.Log(meanSpend)]);
        try
        {
            var result = new BfgsMinimizer(1e-7, 1e-9, 1e-12, 1000).FindMinimum(objective, start);
            return new ModelFit<GammaGammaModel>(Model(result.MinimizingPoint), -NegativeLogLikelihood(result.MinimizingPoint, repeat, logMeans, counts).Value,
                repeat.Length, result.Iterations, true);
        }
        catch (MaximumIterationsException)
        {
            return new ModelFit<GammaGammaModel>(Model(start), -NegativeLogLikelihood(start, repeat, logMeans, counts).Value, repeat.Length, 1000, false);
        }
    }

    private static GammaGammaModel Model(Vector<double> theta) => new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]));

    private static (double Value, Vector<double> Gradient) NegativeLogLikelihood(Vector<double> theta, (int X, double M)[] repeat, double[] logMeans, int[] counts)
    {
        var model = Model(theta);
        var (p, q, gamma) = (model.P, model.Q, model.Gamma);
        var byCount = new Dictionary<int, (double Constant, double DP, double DQ)>(counts.Length);
        foreach (var x in counts)
        {
            var px = p * x;
            byCount[x] = (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(q) + (q * Math.Log(gamma)) + (px * Math.Log(x)),
                x * (SpecialFunctions.DiGamma(px + q) - SpecialFunctions.DiGamma(px) + Math.Log(x)),
                SpecialFunctions.DiGamma(px + q) - SpecialFunctions.DiGamma(q) + Math.Log(gamma));
        }

        double ll = 0, gp = 0, gq = 0, gg = 0;
        for (var i = 0; i < repeat.Length; i++)
        {
            var (x, m) = repeat[i];
            var px = p * x;
            var (constant, dp, dq) = byCount[x];
            var logTotal = Math.Log((x * m) + gamma);
            ll += constant + ((px - 1) * logMeans[i]) - ((px + q) * logTotal);
            gp += dp + (x * logMeans[i]) - (x * logTotal);
            gq += dq - logTotal;
            gg += (q / gamma) - ((px + q) / ((x * m) + gamma));
        }

        return (-ll, Vector<double>.Build.Dense([-gp * p, -gq * q, -gg * gamma]));
    }
}
