namespace CustomerTiering.Exports;

/// <summary>A file that cannot be read at all: wrong format, undecodable, empty, no header, beyond a limit. Never retried.</summary>
public sealed class ExportRejectedException(string reason) : Exception(reason);
