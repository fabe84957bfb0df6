using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CustomerTiering.Functions.Tests.LongScenariosFirst", "CustomerTiering.Functions.Tests")]

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// A test class whose scenarios take tens of seconds to minutes, or a collection whose fixture does: <see cref="LongScenariosFirst"/>
/// starts it early.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongScenarioAttribute : Attribute;

/// <summary>
/// Starts the <see cref="LongScenarioAttribute"/> classes before the others. Classes run side by side, two at a time on
/// two cores; started last, a long class would run alone at the end while the short ones are long done (a suite of
/// minutes ended on one class for two of them).
/// </summary>
public sealed class LongScenariosFirst : ITestCollectionOrderer
{
    // xUnit names a class's own collection "Test collection for {the class's full name}".
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => IsLong(c) ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool IsLong(ITestCollection collection) =>
        collection.CollectionDefinition is { } definition
            ? definition.ToRuntimeType().IsDefined(typeof(LongScenarioAttribute), inherit: false)
            : collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)
        && typeof(LongScenariosFirst).Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..]) is { } type
        && type.IsDefined(typeof(LongScenarioAttribute), inherit: false);
}
