namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>A function of the app, as <c>functions.metadata</c> declares it: its name and its trigger.</summary>
public sealed record FunctionDefinition(string Name, BindingDefinition Trigger);
