namespace CustomerTiering.DevHost.Triggers;

/// <summary>A timer's last and next occurrence, kept in storage as the Functions host keeps it, so a missed run is noticed after a restart.</summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
