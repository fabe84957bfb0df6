namespace CustomerTiering.DevHost;

/// <summary>How the dev host was asked to run: which app root, on which port, with which settings.</summary>
public sealed record DevHostOptions
{
    public required string AppRoot { get; init; }

    /// <summary>The HTTP port, 7071 as <c>func start</c> uses; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 7071;

    /// <summary>local.settings.json to read instead of the one in the app root.</summary>
    public string? SettingsFile { get; init; }

    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the exports container is listed for new blobs (Event Grid's part).</summary>
    public TimeSpan BlobPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a queue message stays hidden while its function runs (renewed at half-time). A message whose failure
    /// could not be recorded (storage away) comes back once it lapses; tests of outages shorten it.
    /// </summary>
    public TimeSpan QueueMessageLease { get; init; } = TimeSpan.FromSeconds(60);

    public const string Usage = "usage: CustomerTiering.DevHost --app-root <folder with host.json> [--port 7071] [--settings local.settings.json]";

    public static DevHostOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? appRoot = null;
        string? settings = null;
        var port = 7071;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            switch (args[i])
            {
                case "--app-root": appRoot = Next(); break;
                case "--settings": settings = Next(); break;
                case "--port":
                    port = int.TryParse(Next(), out var p) && p is >= 0 and <= 65535 ? p : throw new ArgumentException($"--port must be a TCP port. {Usage}");
                    break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new DevHostOptions
        {
            AppRoot = appRoot ?? throw new ArgumentException(Usage),
            Port = port,
            SettingsFile = settings,
        };
    }
}
