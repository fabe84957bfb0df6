using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerTiering.Domain.Forecasting;
using CustomerTiering.Exports;
using CustomerTiering.Functions.Health;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Functions.Owners;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Functions.Privacy;
using CustomerTiering.Functions.Regrading;
using CustomerTiering.Functions.TierOverrides;
using CustomerTiering.Storage.Owners;
using CustomerTiering.Storage.Policies;
using CustomerTiering.Storage.Privacy;
using CustomerTiering.Storage.Runs;
using CustomerTiering.Storage.TierOverrides;

namespace CustomerTiering.Functions.Http;

/// <summary>
/// Every body the API reads or writes, serialized by generated code rather than reflection. A type an endpoint starts
/// to answer with is added here; <c>ApiDescriptionTests</c> fails until it is.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CustomerView))]
[JsonSerializable(typeof(HistoryView))]
[JsonSerializable(typeof(GradePage))]
[JsonSerializable(typeof(TierSummaryView))]
[JsonSerializable(typeof(List<PeriodView>))]
[JsonSerializable(typeof(OwnersView))]
[JsonSerializable(typeof(RunView))]
[JsonSerializable(typeof(IReadOnlyList<RunRecord>))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(RegradeRequestBody))]
[JsonSerializable(typeof(UploadAccepted))]
[JsonSerializable(typeof(PreviewResult))]
[JsonSerializable(typeof(IngestionView))]
[JsonSerializable(typeof(List<IngestionView>))]
[JsonSerializable(typeof(OverrideRequest))]
[JsonSerializable(typeof(OverrideView))]
[JsonSerializable(typeof(List<OverrideView>))]
[JsonSerializable(typeof(IReadOnlyList<OverrideAuditEntry>))]
[JsonSerializable(typeof(OwnerDirectoryView))]
[JsonSerializable(typeof(OwnerDirectoryEntry))]
[JsonSerializable(typeof(OwnerDirectoryChange))]
[JsonSerializable(typeof(OwnerEntryRequest))]
[JsonSerializable(typeof(IReadOnlyList<PolicyVersionRecord>))]
[JsonSerializable(typeof(BacktestReport))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(ErasureRequestBody))]
[JsonSerializable(typeof(ErasureRequest))]
[JsonSerializable(typeof(IReadOnlyList<ErasureRequest>))]
[JsonSerializable(typeof(PersonalDataView))]
// A stored row's values, as Table storage types them.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
