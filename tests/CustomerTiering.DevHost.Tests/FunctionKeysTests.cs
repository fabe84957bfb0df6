using CustomerTiering.DevHost.FunctionApp;
using CustomerTiering.DevHost.Http;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CustomerTiering.DevHost.Tests;

public sealed class FunctionKeysTests
{
    private static readonly FunctionKeys Keys = new(new AppSettings(new Dictionary<string, string>
    {
        [AppSettings.FunctionKey] = "fn",
        [AppSettings.MasterKey] = "master",
    }));

    [Theory]
    [InlineData(AuthLevel.Anonymous, null, null)]
    [InlineData(AuthLevel.Function, null, 401)]
    [InlineData(AuthLevel.Function, "nope", 401)]
    [InlineData(AuthLevel.Function, "fn", null)]
    [InlineData(AuthLevel.Function, "master", null)]
    [InlineData(AuthLevel.Admin, "fn", 403)]
    [InlineData(AuthLevel.Admin, "master", null)]
    [InlineData(AuthLevel.Admin, "FN", 401)]
    public void A_key_opens_exactly_the_levels_it_should(AuthLevel level, string? key, int? expected)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }

        Assert.Equal(expected, Keys.Check(context.Request, level));
    }

    [Fact]
    public void The_code_query_parameter_works_like_the_header()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?code=fn");

        Assert.Null(Keys.Check(context.Request, AuthLevel.Function));
    }

    [Fact]
    public void Without_configured_keys_nothing_but_anonymous_passes()
    {
        var keys = new FunctionKeys(new AppSettings(new Dictionary<string, string>()));
        var context = new DefaultHttpContext();
        context.Request.Headers["x-functions-key"] = "";

        Assert.Equal(401, keys.Check(context.Request, AuthLevel.Function));
    }
}
