using Xunit;

namespace CustomerTiering.DevHost.Tests;

/// <summary>The dev host's command line, as <c>scripts/run.sh</c> and a person type it.</summary>
public sealed class DevHostOptionsTests
{
    [Fact]
    public void The_app_root_port_and_settings_are_read_in_either_form()
    {
        var options = DevHostOptions.Parse(["--app-root", "/app", "--port=7072", "--settings", "/tmp/local.settings.json"]);

        Assert.Equal(("/app", 7072, "/tmp/local.settings.json"), (options.AppRoot, options.Port, options.SettingsFile));
    }

    [Fact]
    public void Without_a_port_the_host_listens_where_func_start_does() =>
        Assert.Equal(7071, DevHostOptions.Parse(["--app-root", "/app"]).Port);

    [Theory]
    [InlineData("--port 7071")]
    [InlineData("--app-root /app --port seventy")]
    [InlineData("--app-root /app --port 70000")]
    [InlineData("--app-root /app --verbose yes")]
    [InlineData("--app-root /app stray")]
    [InlineData("--app-root")]
    public void A_command_line_it_cannot_use_is_refused_with_the_usage(string commandLine)
    {
        var error = Assert.Throws<ArgumentException>(() => DevHostOptions.Parse(commandLine.Split(' ')));

        Assert.Contains(DevHostOptions.Usage, error.Message, StringComparison.Ordinal);
    }
}
