using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;

namespace CustomerTiering.Functions.Privacy;

/// <summary>Collects everything the product holds about one customer id (<see cref="PersonalDataView"/>): what erasing them would remove.</summary>
public sealed class SubjectAccess(CustomerRows rows, RunStore runs, PersonalDataFiles files, TimeProvider clock)
{
    public async Task<PersonalDataView> CollectAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var runIds = (await runs.RecentAsync(int.MaxValue, cancellationToken)).Select(r => r.Id).ToList();
        var tables = await rows.FindAsync(customerId, runIds, cancellationToken);
        var names = tables.Where(r => r.Table == Storage.StorageNames.CustomersTable).Select(r => r.Values.GetValueOrDefault("Name") as string).OfType<string>().ToList();
        var match = new PersonalDataMatch(new ErasureSubjects([customerId], names));
        return new PersonalDataView(customerId, clock.GetUtcNow(), tables, await files.FindAsync(match, cancellationToken));
    }
}
