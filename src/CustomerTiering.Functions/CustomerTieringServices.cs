using System.Text.Json.Serialization;
using CustomerTiering.Functions.Ingestion;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Ingestion;

namespace CustomerTiering.Functions;

/// <summary>The composition root: every service the handler's functions use.</summary>
public static class CustomerTieringServices
{
    public static IHostApplicationBuilder AddCustomerTiering(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
            StorageAccount.FromConfiguration(services.GetRequiredService<IConfiguration>(), StorageNames.DataConnection));
        builder.Services.AddSingleton<StorageProvisioner>();
        builder.Services.AddSingleton<StorageHealthProbe>();
        builder.Services.AddHostedService<StorageProvisioning>();
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestionLedger>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ExportIngestion>();
        return builder;
    }
}
