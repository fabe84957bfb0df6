namespace CustomerTiering.DevHost.FunctionApp;

/// <summary>A function of the app: its folder name, its trigger and its output bindings.</summary>
public sealed record FunctionDefinition(string Name, BindingDefinition Trigger, IReadOnlyList<BindingDefinition> Outputs);
