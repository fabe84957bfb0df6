namespace CustomerTiering.Functions.Regrading;

/// <summary>A run whose grading step would not fit in its instance's memory: retrying cannot help, so it fails at once.</summary>
public sealed class RunTooLargeException(string message) : Exception(message);
