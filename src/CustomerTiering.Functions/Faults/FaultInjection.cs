namespace CustomerTiering.Functions.Faults;

/// <summary>Registers <see cref="NoFaults"/>, or <see cref="ParkingFaults"/> where a test has set <c>Faults__ParkAt</c>.</summary>
public static class FaultInjection
{
    public static IHostApplicationBuilder AddFaultInjection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Configuration.GetSection(ParkingFaultOptions.Section).Exists())
        {
            builder.Services.AddOptions<ParkingFaultOptions>().BindConfiguration(ParkingFaultOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton<IFaultInjection, ParkingFaults>();
        }
        else
        {
            builder.Services.AddSingleton<IFaultInjection>(NoFaults.Instance);
        }

        return builder;
    }
}
