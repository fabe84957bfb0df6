using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>Exports uploaded as a user would: through <c>POST /api/exports/{kind}</c>, then polled until ingested.</summary>
public static class ExportUploads
{
    /// <summary>An upload's body, sent as a browser sends a file: text/csv unless told otherwise.</summary>
    public static StringContent Body(string content, string contentType = "text/csv")
    {
        var body = new StringContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return body;
    }

    /// <summary>Uploads an export through the API and returns the status its ingestion ends in.</summary>
    public static async Task<string> IngestAsync(RunningApp app, string kind, string content, TimeSpan? timeout = null, string? name = null)
    {
        using var accepted = await app.SendAsync(HttpMethod.Post, $"/api/exports/{kind}?name={name ?? kind}.csv", content: Body(content));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var statusUrl = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("statusUrl").GetString()!;

        return await Eventually.ReturnsAsync(async () =>
        {
            using var response = await app.GetAsync(statusUrl);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway)
            {
                return null; // storage is away, or the worker is being restarted: ask again
            }

            response.EnsureSuccessStatusCode();
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            return status is "succeeded" or "partiallySucceeded" or "rejected" or "failed" ? status : null;
        }, $"the {kind} ingestion to finish", timeout);
    }
}
