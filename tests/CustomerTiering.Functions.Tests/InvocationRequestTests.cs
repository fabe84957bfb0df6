using System.Text;
using CustomerTiering.Functions.Invocation;
using Xunit;

namespace CustomerTiering.Functions.Tests;

public sealed class InvocationRequestTests
{
    private static InvocationRequest Parse(string json) => InvocationRequest.Parse(Encoding.UTF8.GetBytes(json));

    // The shape the Functions host sends for a timer, taken from a real invocation.
    private const string TimerPayload = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-10-01T02:00:00+00:00","Next":"2026-11-01T02:00:00+00:00","LastUpdated":"2026-10-01T02:00:00.1+00:00"},"IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"RegradeScheduled","UtcNow":"2026-11-01T02:00:00.0157Z","RandGuid":"1d6a3f5e-8d7b-4a2e-9f0e-2a1b3c4d5e6f"}}}
        """;

    // A queue invocation: the message as a JSON string, string metadata encoded twice.
    private const string QueuePayload = """
        {"Data":{"event":"{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":\"/blobServices/default/containers/exports/blobs/orders/a.csv\"}"},
         "Metadata":{"DequeueCount":2,"ExpirationTime":"\"2026-11-29T10:00:00+00:00\"","Id":"\"5b2a7c1e-0000-4000-8000-1234567890ab\"",
                     "InsertionTime":"\"2026-11-22T10:00:00+00:00\"","NextVisibleTime":"\"2026-11-22T10:10:00+00:00\"","PopReceipt":"\"AgAAAAMAAAAAAAAA\"",
                     "sys":{"MethodName":"IngestExport","UtcNow":"2026-11-22T10:00:01Z","RandGuid":"0b0c0d0e-0000-4000-8000-000000000001"}}}
        """;

    private sealed record TimerInfo(bool IsPastDue, ScheduleStatusInfo? ScheduleStatus);

    private sealed record ScheduleStatusInfo(DateTimeOffset Last, DateTimeOffset Next);

    private sealed record BlobEvent(string EventType, string Subject);

    [Fact]
    public void Reads_a_timer_payload_into_typed_values()
    {
        var timer = Parse(TimerPayload).Get<TimerInfo>("timer");

        Assert.False(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), timer.ScheduleStatus!.Next);
    }

    [Fact]
    public void Reads_a_queue_payload_whose_message_is_a_JSON_string_and_whose_metadata_is_encoded_twice()
    {
        var request = Parse(QueuePayload);

        var blobEvent = request.Get<BlobEvent>("event");
        Assert.Equal("Microsoft.Storage.BlobCreated", blobEvent.EventType);
        Assert.EndsWith("orders/a.csv", blobEvent.Subject, StringComparison.Ordinal);
        Assert.Equal("5b2a7c1e-0000-4000-8000-1234567890ab", request.GetMetadataText("Id"));
        Assert.Equal("2", request.GetMetadataText("DequeueCount"));
        Assert.Equal("IngestExport", request.Metadata["sys"].GetProperty("MethodName").GetString());
    }

    [Theory]
    [InlineData("\"\\\"hello.txt\\\"\"", "hello.txt")]
    [InlineData("\"hello.txt\"", "hello.txt")]
    [InlineData("\"\\\"\\\\\\\"twice\\\\\\\"\\\"\"", "twice")]
    [InlineData("\"\\\"unbalanced\"", "\"unbalanced")]
    [InlineData("\"\\\"\\\"\"", "")]
    [InlineData("42", "42")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    public void Unwraps_strings_the_host_encoded_more_than_once(string value, string expected)
    {
        Assert.Equal(expected, Parse("{\"Data\":{\"name\":" + value + "}}").GetText("name"));
    }

    [Fact]
    public void Unknown_top_level_keys_are_ignored_so_a_newer_host_cannot_break_the_handler()
    {
        var request = Parse("""{"Data":{"m":"x"},"Metadata":{},"TraceContext":{"Traceparent":"00-abc"}}""");

        Assert.Equal("x", request.GetText("m"));
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[1,2]", "must be a JSON object, not Array")]
    [InlineData("""{"Metadata":{}}""", "no 'Data' object")]
    [InlineData("""{"Data":"text"}""", "'Data' must be a JSON object")]
    [InlineData("""{"Data":{},"Metadata":[]}""", "'Metadata' must be a JSON object")]
    public void A_body_that_is_not_an_invocation_is_refused_with_a_clear_reason(string body, string expected)
    {
        var error = Assert.Throws<InvalidInvocationException>(() => Parse(body));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_binding_names_the_ones_that_are_there()
    {
        var error = Assert.Throws<InvalidInvocationException>(() => Parse("""{"Data":{"other":1}}""").GetText("event"));

        Assert.Equal("Data has no 'event' (it has: other).", error.Message);
    }

    [Fact]
    public void A_binding_that_is_not_the_expected_shape_is_refused_not_thrown_as_a_500()
    {
        var error = Assert.Throws<InvalidInvocationException>(() => Parse("""{"Data":{"event":"not json"}}""").Get<BlobEvent>("event"));

        Assert.Contains("'event' is not a valid BlobEvent", error.Message, StringComparison.Ordinal);
    }
}
