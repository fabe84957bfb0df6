namespace CustomerTiering.Functions.Access;

/// <summary>An HTTP function that answers without a token: it holds no customer data (the page, the API reference, health).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CallableByAnyoneAttribute : Attribute;
