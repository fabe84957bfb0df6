using CustomerTiering.Domain.Customers;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Fits BG/NBD by maximum likelihood on the log of each parameter, so they stay positive (<see cref="LikelihoodMinimizer"/>:
/// BFGS with the analytic gradient, Nelder-Mead where that fails). Customers with the same (x, t_x, T) in days are one weighted term; the terms that depend
/// on x alone are computed once per distinct x, and ln(α + t) and 1/(α + t) once per day, so a step over a million
/// customers costs one exp and one log each. The sums run over fixed chunks added in order: the same result on any
/// number of cores.
/// </summary>
public static class BgNbdFitter
{
    internal const double DaysPerWeek = 7.0;
    private const int Chunks = 16;

    public static ModelFit<BgNbdModel> Fit(IEnumerable<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var data = Cells.Of(histories);
        if (data.Customers == 0)
        {
            throw new ArgumentException("BG/NBD needs at least one customer with a purchase.", nameof(histories));
        }

        // Starting values near what retail data usually gives; the log scale makes the start matter little.
        var start = Vector<double>.Build.Dense([Math.Log(0.5), Math.Log(5.0), Math.Log(0.8), Math.Log(2.5)]);
        var (point, iterations, converged) = LikelihoodMinimizer.Minimize(theta =>
        {
            var (value, gradient) = NegativeLogLikelihood(theta, data);
            return (value / data.Customers, gradient / data.Customers);
        }, start);
        return Fitted(point, data, iterations, converged);
    }

    private static ModelFit<BgNbdModel> Fitted(Vector<double> theta, Cells data, int iterations, bool converged) =>
        new(Model(theta), -NegativeLogLikelihood(theta, data).Value, data.Customers, iterations, converged);

    private static BgNbdModel Model(Vector<double> theta) => new(Math.Exp(theta[0]), Math.Exp(theta[1]), Math.Exp(theta[2]), Math.Exp(theta[3]));

    /// <summary>−LL and its gradient with respect to the log parameters.</summary>
    private static (double Value, Vector<double> Gradient) NegativeLogLikelihood(Vector<double> theta, Cells data)
    {
        var model = Model(theta);
        var (r, alpha, a, b) = (model.R, model.Alpha, model.A, model.B);

        // Per repeat count: the x-only terms and the ψ differences of their derivatives.
        var byCount = new CountDerivatives[data.MaxRepeat + 1];
        foreach (var x in data.Counts)
        {
            byCount[x] = new CountDerivatives(model.CountTerms(x),
                SpecialFunctions.DiGamma(r + x) - SpecialFunctions.DiGamma(r),
                SpecialFunctions.DiGamma(a + b) - SpecialFunctions.DiGamma(a + b + x),
                SpecialFunctions.DiGamma(a + b) + SpecialFunctions.DiGamma(b + x) - SpecialFunctions.DiGamma(b) - SpecialFunctions.DiGamma(a + b + x),
                x > 0 ? 1.0 / (b + x - 1) : 0);
        }

        // Per day: ln(α + t) and 1/(α + t), t = day / 7, for T and t_x alike.
        var logs = new double[data.MaxDay + 1];
        var inverses = new double[data.MaxDay + 1];
        for (var d = 0; d <= data.MaxDay; d++)
        {
            var v = alpha + (d / DaysPerWeek);
            logs[d] = Math.Log(v);
            inverses[d] = 1.0 / v;
        }

        var partial = new double[Chunks, 5];
        var (logAlpha, rOverAlpha, inverseA) = (Math.Log(alpha), r / alpha, 1.0 / a);
        Parallel.For(0, Chunks, chunk =>
        {
            var (from, to) = data.Chunk(chunk, Chunks);
            double ll = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
            for (var i = from; i < to; i++)
            {
                var (x, tx, t, w) = (data.X[i], data.Tx[i], data.T[i], data.Weight[i]);
                var k = byCount[x];
                var rx = r + x;
                var a3 = -rx * logs[t];
                double share3 = 1, a4 = 0;
                if (x > 0)
                {
                    a4 = k.Terms.DropoutLog - (rx * logs[tx]);
                    share3 = 1.0 / (1.0 + Math.Exp(a4 - a3));
                }

                var share4 = 1 - share3;
                ll += w * (x == 0 ? k.Terms.Constant + a3 : k.Terms.Constant + Math.Max(a3, a4) + Math.Log(1 + Math.Exp(-Math.Abs(a3 - a4))));
                gr += w * (k.DR + logAlpha - (share3 * logs[t]) - (x > 0 ? share4 * logs[tx] : 0));
                gAlpha += w * (rOverAlpha - (share3 * rx * inverses[t]) - (x > 0 ? share4 * rx * inverses[tx] : 0));
                ga += w * (k.DA + (share4 * inverseA));
                gb += w * (k.DB - (share4 * k.InverseBx));
            }

            (partial[chunk, 0], partial[chunk, 1], partial[chunk, 2], partial[chunk, 3], partial[chunk, 4]) = (ll, gr, gAlpha, ga, gb);
        });

        var sums = new double[5];
        for (var chunk = 0; chunk < Chunks; chunk++)
        {
            for (var j = 0; j < 5; j++)
            {
                sums[j] += partial[chunk, j];
            }
        }

        // d/dθ = p · d/dp for p = e^θ; negated for the minimizer.
        return (-sums[0], Vector<double>.Build.Dense([-sums[1] * r, -sums[2] * alpha, -sums[3] * a, -sums[4] * b]));
    }

    private readonly record struct CountDerivatives(CountTerms Terms, double DR, double DA, double DB, double InverseBx);

    /// <summary>Distinct (x, t_x, T) in days with how many customers share each, as columns, in key order.</summary>
    private sealed class Cells
    {
        private Cells(int[] x, int[] tx, int[] t, int[] weight, int customers)
        {
            (X, Tx, T, Weight, Customers) = (x, tx, t, weight, customers);
            Counts = [.. x.Distinct()];
            MaxRepeat = x.Length == 0 ? 0 : x.Max();
            MaxDay = t.Length == 0 ? 0 : t.Max();
        }

        public int[] X { get; }

        public int[] Tx { get; }

        public int[] T { get; }

        public int[] Weight { get; }

        public int Customers { get; }

        public int[] Counts { get; }

        public int MaxRepeat { get; }

        public int MaxDay { get; }

        public (int From, int To) Chunk(int chunk, int chunks) => ((int)((long)X.Length * chunk / chunks), (int)((long)X.Length * (chunk + 1) / chunks));

        /// <summary>Packs each history into one sortable key (x, t_x, T: 20 bits each) and counts runs of equal keys.</summary>
        public static Cells Of(IEnumerable<PurchaseHistory> histories)
        {
            const int bits = 20;
            const long mask = (1L << bits) - 1;
            var keys = new List<long>();
            foreach (var h in histories)
            {
                if (h.RepeatPurchases > mask || h.AgeDays > mask || h.LastPurchaseDay < 0 || h.LastPurchaseDay > h.AgeDays)
                {
                    throw new ArgumentException($"A purchase history out of range: {h}.", nameof(histories));
                }

                keys.Add(((long)h.RepeatPurchases << (2 * bits)) | ((long)h.LastPurchaseDay << bits) | (long)h.AgeDays);
            }

            var sorted = keys.ToArray();
            Array.Sort(sorted);
            var (x, tx, t, weight) = (new List<int>(), new List<int>(), new List<int>(), new List<int>());
            for (var i = 0; i < sorted.Length;)
            {
                var j = i + 1;
                while (j < sorted.Length && sorted[j] == sorted[i])
                {
                    j++;
                }

                x.Add((int)(sorted[i] >> (2 * bits)));
                tx.Add((int)((sorted[i] >> bits) & mask));
                t.Add((int)(sorted[i] & mask));
                weight.Add(j - i);
                i = j;
            }

            return new Cells([.. x], [.. tx], [.. t], [.. weight], sorted.Length);
        }
    }
}
