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

    /// <summary>The command line's switches and the option each sets; nothing else is taken.</summary>
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--app-root"] = nameof(AppRoot),
        ["--port"] = nameof(Port),
        ["--settings"] = nameof(SettingsFile),
    };

    /// <summary>Reads the command line with the configuration command-line provider (<c>--port 7071</c> or <c>--port=7071</c>).</summary>
    public static DevHostOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        // The provider takes a word without a switch before it as a key with no value; here it is a mistake.
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }

            i += Switches.ContainsKey(args[i]) ? 1 : 0;
        }

        IConfiguration line;
        try
        {
            line = new ConfigurationBuilder().AddCommandLine([.. args], Switches).Build();
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{ex.Message} {Usage}", ex);
        }

        if (line.AsEnumerable().FirstOrDefault(setting => !Switches.ContainsValue(setting.Key)) is { Key: { } unknown })
        {
            throw new ArgumentException($"Unknown argument '--{unknown}'. {Usage}");
        }

        var port = line[nameof(Port)] is not { } portText ? 7071
            : int.TryParse(portText, out var p) && p is >= 0 and <= 65535 ? p
            : throw new ArgumentException($"--port must be a TCP port. {Usage}");
        return new DevHostOptions
        {
            AppRoot = line[nameof(AppRoot)] is { Length: > 0 } appRoot ? appRoot : throw new ArgumentException(Usage),
            Port = port,
            SettingsFile = line[nameof(SettingsFile)],
        };
    }
}
