namespace CustomerTiering.DevHost.Http;

/// <summary>An HTTP function's <c>authLevel</c>: which key, if any, a request must carry.</summary>
public enum AuthLevel
{
    Anonymous,
    Function,
    Admin,
}
