using CustomerTiering.Domain.Customers;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits Gamma-Gamma by maximum likelihood on the customers with at least one repeat purchase and a positive mean, on
/// the log parameters (<see cref="LikelihoodMinimizer"/>), the ψ terms once per distinct x, the sums over fixed chunks on
/// every core.
/// </summary>
public static class GammaGammaFitter
{
    private const int Chunks = 16;

    /// <summary>The fit, or null when fewer than two customers have repeat purchases (nothing to fit).</summary>
    public static ModelFit<GammaGammaModel>? Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var repeat = new List<(int X, double M)>();
        foreach (var h in histories)
        {
            if (h.RepeatPurchases > 0 && h.MeanRepeatValue > 0)
            {
                repeat.Add((h.RepeatPurchases, (double)h.MeanRepeatValue));
            }
        }

        if (repeat.Count < 2)
        {
            return null;
        }

        // Sorted, so that the sums do not depend on the order the customers came in.
        var sorted = repeat.ToArray();
        Array.Sort(sorted);
        var data = new Spend([.. sorted.Select(h => h.X)], [.. sorted.Select(h => h.M)], [.. sorted.Select(h => Math.Log(h.M))]);
        // p near the spread of one customer's orders, q a little above 1, γ on the scale of the mean spend.
        var start = Vector<double>.Build.Dense([Math.Log(2.0), Math.Log(3.0), Math.Log(data.M.Average())]);
        var (point, iterations, converged) = LikelihoodMinimizer.Minimize(theta =>
        {
            var (value, gradient) = NegativeLogLikelihood(theta, data);
            return (value / data.Count, gradient / data.Count);
        }, start);
        return new ModelFit<GammaGammaModel>(Model(point), -NegativeLogLikelihood(point, data).Value, data.Count, iterations, converged);
    }

    private static GammaGammaModel Model(Vector<double> theta) => new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]));

    /// <summary>−LL and its gradient with respect to the log parameters; sums over fixed chunks, added in order.</summary>
    private static (double Value, Vector<double> Gradient) NegativeLogLikelihood(Vector<double> theta, Spend data)
    {
        var model = Model(theta);
        var (p, q, gamma) = (model.P, model.Q, model.Gamma);
        var byCount = new (double Constant, double DP, double DQ)[data.MaxRepeat + 1];
        foreach (var x in data.Counts)
        {
            var px = p * x;
            byCount[x] = (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(q) + (q * Math.Log(gamma)) + (px * Math.Log(x)),
                x * (SpecialFunctions.DiGamma(px + q) - SpecialFunctions.DiGamma(px) + Math.Log(x)),
                SpecialFunctions.DiGamma(px + q) - SpecialFunctions.DiGamma(q) + Math.Log(gamma));
        }

        var partial = new double[Chunks, 4];
        Parallel.For(0, Chunks, chunk =>
        {
            var (from, to) = ((int)((long)data.Count * chunk / Chunks), (int)((long)data.Count * (chunk + 1) / Chunks));
            double ll = 0, gp = 0, gq = 0, gg = 0;
            for (var i = from; i < to; i++)
            {
                var (x, m, logMean) = (data.X[i], data.M[i], data.LogM[i]);
                var px = p * x;
                var (constant, dp, dq) = byCount[x];
                var total = (x * m) + gamma;
                var logTotal = Math.Log(total);
                ll += constant + ((px - 1) * logMean) - ((px + q) * logTotal);
                gp += dp + (x * logMean) - (x * logTotal);
                gq += dq - logTotal;
                gg += (q / gamma) - ((px + q) / total);
            }

            (partial[chunk, 0], partial[chunk, 1], partial[chunk, 2], partial[chunk, 3]) = (ll, gp, gq, gg);
        });

        double sumLl = 0, sumP = 0, sumQ = 0, sumG = 0;
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            (sumLl, sumP, sumQ, sumG) = (sumLl + partial[chunk, 0], sumP + partial[chunk, 1], sumQ + partial[chunk, 2], sumG + partial[chunk, 3]);
        }

        return (-sumLl, Vector<double>.Build.Dense([-sumP * p, -sumQ * q, -sumG * gamma]));
    }

    /// <summary>The repeat buyers' counts, mean values and their logs, as columns.</summary>
    private sealed class Spend(int[] x, double[] m, double[] logM)
    {
        public int[] X { get; } = x;

        public double[] M { get; } = m;

        public double[] LogM { get; } = logM;

        public int Count => X.Length;

        public int[] Counts { get; } = [.. x.Distinct()];

        public int MaxRepeat { get; } = x.Max();
    }
}
