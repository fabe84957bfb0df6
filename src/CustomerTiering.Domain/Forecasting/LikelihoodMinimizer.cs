using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerTiering.Domain.Forecasting;

/// <summary>
/// Minimises a negative log-likelihood over log parameters: BFGS with the analytic gradient, and where its line search
/// gives up (it does on some real data, where the surface is flat or steep far from the optimum) the derivative-free
/// Nelder-Mead simplex from the same start. A point where the likelihood is not finite counts as infinitely bad, so
/// that both step back from it. Neither converging is a result, not an exception: the run goes on without a forecast.
/// </summary>
internal static class LikelihoodMinimizer
{
    private const int MaxIterations = 1000;

    public static (Vector<double> Point, int Iterations, bool Converged) Minimize(Func<Vector<double>, (double Value, Vector<double> Gradient)> negativeLogLikelihood, Vector<double> start)
    {
        (double Value, Vector<double> Gradient) Guarded(Vector<double> theta)
        {
            var (value, gradient) = negativeLogLikelihood(theta);
            return double.IsFinite(value) && gradient.All(double.IsFinite) ? (value, gradient) : (1e100, Vector<double>.Build.Dense(theta.Count));
        }

        try
        {
            var result = new BfgsMinimizer(1e-7, 1e-9, 1e-12, MaxIterations).FindMinimum(ObjectiveFunction.Gradient(Guarded), start);
            return (result.MinimizingPoint, result.Iterations, true);
        }
        catch (OptimizationException)
        {
            try
            {
                var result = new NelderMeadSimplex(1e-10, MaxIterations * 5).FindMinimum(ObjectiveFunction.Value(theta => Guarded(theta).Value), start);
                return (result.MinimizingPoint, result.Iterations, result.ReasonForExit == ExitCondition.Converged);
            }
            catch (OptimizationException)
            {
                return (start, MaxIterations, false);
            }
        }
    }
}
