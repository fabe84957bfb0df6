using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Storage.Grades;

/// <summary>Source-generated JSON for what a run writes a million times: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredGrade))]
[JsonSerializable(typeof(StoredMetrics))]
[JsonSerializable(typeof(CarriedGrade))]
[JsonSerializable(typeof(IReadOnlyList<GradeReason>))]
public sealed partial class GradeJson : JsonSerializerContext;
