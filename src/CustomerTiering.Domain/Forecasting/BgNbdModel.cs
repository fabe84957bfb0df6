using MathNet.Numerics;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// The BG/NBD model of repeat buying (Fader, Hardie and Lee, "Counting your customers the easy way", 2005): while
/// alive a customer buys at rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
/// Time is in weeks. The closed forms below are the paper's equations (3), (10) and (13); the log-likelihood is summed
/// with log-sum-exp so that long histories do not underflow.
/// </summary>
public sealed record BgNbdModel(double R, double Alpha, double A, double B)
{
    /// <summary>One customer's log-likelihood for x repeat purchases, the last at t_x, observed until T.</summary>
    public double LogLikelihood(int x, double tx, double t) =>
        LogLikelihood(x, tx, t, CountTerms(x));

    /// <summary>P(alive | x, t_x, T): 1 for a customer without a repeat purchase, who by the model cannot have dropped out.</summary>
    public double ProbabilityAlive(int x, double tx, double t) =>
        x == 0 ? 1.0 : 1.0 / (1.0 + Math.Exp(DropoutLogOdds(x, tx, t)));

    /// <summary>E[purchases in (T, T + horizon] | x, t_x, T], equation (10); the Gaussian hypergeometric function by its series.</summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t)
    {
        var rx = R + x;
        var z = horizon / (Alpha + t + horizon);
        var hypergeometric = Hypergeometric2F1(rx, B + x, A + B + x - 1, z);
        var growth = 1.0 - (Math.Exp(rx * Math.Log((Alpha + t) / (Alpha + t + horizon))) * hypergeometric);
        var value = (A + B + x - 1) / (A - 1) * growth;
        return x == 0 ? value : value / (1.0 + Math.Exp(DropoutLogOdds(x, tx, t)));
    }

    /// <summary>The terms of the likelihood that depend on x alone, computed once per distinct x when fitting.</summary>
    internal CountTerms CountTerms(int x) => new(
        SpecialFunctions.GammaLn(R + x) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha))
        + SpecialFunctions.GammaLn(A + B) + SpecialFunctions.GammaLn(B + x) - SpecialFunctions.GammaLn(B) - SpecialFunctions.GammaLn(A + B + x),
        x > 0 ? Math.Log(A) - Math.Log(B + x - 1) : double.NaN);

    internal double LogLikelihood(int x, double tx, double t, CountTerms terms)
    {
        var a3 = -(R + x) * Math.Log(Alpha + t);
        if (x == 0)
        {
            return terms.Constant + a3;
        }

        var a4 = terms.DropoutLog - ((R + x) * Math.Log(Alpha + tx));
        var top = Math.Max(a3, a4);
        return terms.Constant + top + Math.Log(Math.Exp(a3 - top) + Math.Exp(a4 - top));
    }

    /// <summary>ln of (a / (b + x − 1)) · ((α + T)/(α + t_x))^(r + x): the odds that the customer has dropped out.</summary>
    private double DropoutLogOdds(int x, double tx, double t) =>
        Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * Math.Log((Alpha + t) / (Alpha + tx)));

    /// <summary>₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 by its power series, summed until a term no longer changes the sum.</summary>
    internal static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        var sum = 1.0;
        var term = 1.0;
        for (var k = 0; k < 100_000; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-15 * Math.Abs(sum))
            {
                return sum;
            }
        }

        return sum;
    }
}

/// <summary>The parts of a BG/NBD log-likelihood that depend on the repeat count only.</summary>
internal readonly record struct CountTerms(double Constant, double DropoutLog);
