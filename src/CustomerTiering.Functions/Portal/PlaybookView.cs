using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// What a customer's tier means the sales team should do, in the language asked for: how often to get in touch and how,
/// whether a dedicated account manager is required, whose complaints come first, the benefits, and when the next proactive
/// contact is due (from the last contact the customer export carries).
/// </summary>
public sealed record PlaybookView(
    string Tier,
    int? ContactEveryDays,
    IReadOnlyList<string> Channels,
    bool DedicatedManager,
    int ComplaintPriority,
    IReadOnlyList<string> Benefits,
    DateOnly? LastContact,
    DateOnly? NextContactDue)
{
    public static PlaybookView From(string tier, ServicePlaybook playbook, DateOnly? lastContact, ReasonLanguage language)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return new PlaybookView(
            tier,
            playbook.ContactEveryDays,
            [.. playbook.Channels.Select(c => ServiceChannelNames.Of(c, language))],
            playbook.DedicatedManager,
            playbook.ComplaintPriority,
            [.. playbook.Benefits.Select(b => b.In(language))],
            lastContact,
            lastContact is { } last && playbook.ContactEveryDays is { } days ? last.AddDays(days) : null);
    }
}
