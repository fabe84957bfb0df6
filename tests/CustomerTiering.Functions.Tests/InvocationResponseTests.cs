using System.Text.Json;
using CustomerTiering.Functions.Invocation;
using Xunit;

namespace CustomerTiering.Functions.Tests;

public sealed class InvocationResponseTests
{
    [Fact]
    public void Serializes_with_the_PascalCase_keys_the_host_reads()
    {
        var response = new InvocationResponse { ReturnValue = "done" };
        response.Outputs["tierChanges"] = new[] { new { customerId = "C1" } };
        response.Logs.Add("graded 1 customer");

        var json = JsonSerializer.Serialize(response, InvocationJson.Options);

        Assert.Equal("""{"Outputs":{"tierChanges":[{"customerId":"C1"}]},"Logs":["graded 1 customer"],"ReturnValue":"done"}""", json);
    }
}
