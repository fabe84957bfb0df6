using System.Diagnostics;
using OpenTelemetry;

namespace CustomerTiering.Functions;

/// <summary>
/// Keeps personal data out of exported traces. A request is recorded with its route's template for its path and no
/// query (<c>/api/customers/{id}</c>, not <c>/api/customers/C007?owner=…</c>). The Azure SDK's calls are cut to their
/// table or container: a table point read names its row (<c>Customers(PartitionKey='p001',RowKey='C007')</c>), a query
/// filters on customer ids, a blob path may name an upload. <c>https://account.table.core.windows.net/Customers(…)?$filter=…</c> is exported as
/// <c>https://account.table.core.windows.net/Customers</c>: which service and which table or container, not what in it.
/// The emulator's addresses name the account first (<c>http://127.0.0.1:10002/devstoreaccount1/Customers(…)</c>), so
/// there the first two segments stay.
/// </summary>
public sealed class AddressRedaction : BaseProcessor<Activity>
{
    private static readonly string[] AddressTags = ["url.full", "http.url"];
    private static readonly string[] PathTags = ["url.path", "http.target", "url.query"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in AddressTags)
        {
            if (data.GetTagItem(tag) is string address)
            {
                data.SetTag(tag, Redact(address));
            }
        }

        // A request's path is its route's template (api/customers/{id}), never the values it was called with.
        var route = data.GetTagItem("http.route") as string;
        foreach (var tag in PathTags)
        {
            if (data.GetTagItem(tag) is string path)
            {
                data.SetTag(tag, tag == "url.query" ? null : "/" + (route?.TrimStart('/') ?? FirstSegment(path)));
            }
        }
    }

    /// <summary>The address up to its first path segment, without what follows it or any query.</summary>
    public static string Redact(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "/" + FirstSegment(address);
        }

        var pathStyle = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
        var path = uri.AbsolutePath.TrimStart('/');
        var kept = FirstSegment(path);
        if (pathStyle && path.Length > kept.Length && path[kept.Length] == '/')
        {
            kept += "/" + FirstSegment(path[(kept.Length + 1)..]);
        }

        return $"{uri.Scheme}://{uri.Authority}/{kept}";
    }

    private static string FirstSegment(string path)
    {
        var segment = path.TrimStart('/');
        var end = segment.IndexOfAny(['/', '(', '?', '#']);
        return end < 0 ? segment : segment[..end];
    }
}
