using CustomerTiering.Domain.Periods;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Regrading;

/// <summary>Today in the grading time zone: month boundaries are the business's, not UTC's.</summary>
public sealed class RegradeCalendar(IOptions<RegradeOptions> options, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    public GradingPeriod JustEnded => GradingPeriod.JustEnded(Today);
}
