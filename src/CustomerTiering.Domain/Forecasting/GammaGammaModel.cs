using MathNet.Numerics;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee, "RFM and CLV", 2005): a customer's
/// transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of how often they buy.
/// Fitted on customers with at least one repeat purchase; q must exceed 1 for the expected spend to exist.
/// </summary>
public sealed record GammaGammaModel(double P, double Q, double Gamma)
{
    /// <summary>The log-likelihood of a customer's mean value m over x transactions (x ≥ 1).</summary>
    public double LogLikelihood(int x, double meanValue)
    {
        var px = P * x;
        return SpecialFunctions.GammaLn(px + Q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(Q)
               + (Q * Math.Log(Gamma)) + ((px - 1) * Math.Log(meanValue)) + (px * Math.Log(x)) - ((px + Q) * Math.Log((x * meanValue) + Gamma));
    }

    /// <summary>The population's mean spend per transaction, pγ/(q − 1); infinite when q ≤ 1 (a method, so that it is never serialised).</summary>
    public double PopulationMean() => Q > 1 ? P * Gamma / (Q - 1) : double.PositiveInfinity;

    /// <summary>E[spend per transaction | x, m]: the customer's mean shrunk towards the population's; the population's without a repeat purchase.</summary>
    public double ExpectedValue(int x, double meanValue) =>
        x == 0 ? PopulationMean() : P * (Gamma + (x * meanValue)) / ((P * x) + Q - 1);
}
