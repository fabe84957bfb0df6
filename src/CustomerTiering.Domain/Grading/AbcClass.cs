namespace CustomerTiering.Domain.Grading;

/// <summary>Pareto class: A = key customers, B = the next band, C = the long tail.</summary>
public enum AbcClass : byte
{
    A,
    B,
    C,
}
