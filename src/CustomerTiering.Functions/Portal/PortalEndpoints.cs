using System.Globalization;
using CustomerTiering.Domain.Grading;
using CustomerTiering.Storage.Grades;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The sales portal's reads: a customer's grade and history, filtered lists, movements, the tier summary and the periods.
/// Every answer is of one committed period (the current one unless <c>period</c> says otherwise), cached by ETag. The
/// functions in <see cref="PortalFunctions"/> call these handlers; <see cref="MapPortal"/> describes them for OpenAPI.
/// </summary>
public static class PortalEndpoints
{
    public const int MaxPageSize = 100;
    private const int DefaultPageSize = 50;
    private const int MaxFilterLength = 64;
    private static readonly string[] AbcClasses = ["A", "B", "C"];
    private static readonly string[] Directions = ["up", "down"];

    /// <summary>The owner filter value that lists the customers who need an owner and have none.</summary>
    public const string NoOwner = "none";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/customers/{id}", GetCustomerAsync).WithName("GetCustomer")
            .Produces<CustomerView>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/customers/{id}/history", GetHistoryAsync).WithName("GetCustomerHistory")
            .Produces<HistoryView>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/customers", ListCustomersAsync).WithName("ListCustomers")
            .Produces<GradePage>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/movements", ListMovementsAsync).WithName("ListMovements")
            .Produces<GradePage>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/tiers/summary", GetSummaryAsync).WithName("GetTierSummary")
            .Produces<TierSummaryView>().Produces(304).ProducesProblem(400).ProducesProblem(404);
        endpoints.MapGet("/api/periods", ListPeriodsAsync).WithName("ListPeriods")
            .Produces<IReadOnlyList<PeriodView>>();
        return endpoints;
    }

    /// <summary>One point read: the grade row carries the customer's master data as it was graded, so the period reads whole.</summary>
    internal static async Task<IResult> GetCustomerAsync(
        string id, string? period, HttpContext context, PeriodDirectory periods, GradeStore grades, PolicyVersions policies, CancellationToken cancellationToken)
    {
        id = CustomerRouteId.Decode(id);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CustomerRouteId.Check(id, "id", errors);
        var lookup = await FindPeriodAsync(period, errors, periods, cancellationToken);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (lookup.Period is not { } found)
        {
            return NoPeriod(period);
        }

        var (language, tag) = ApiLanguage.Of(context.Request);
        return await HttpCaching.ConditionalAsync(context, $"customer|{found.RunId}|{id}|{tag}", lookup.IsCurrent, tag, async () =>
        {
            var grade = await grades.GetAsync(found.RunId, id, cancellationToken);
            if (grade is null)
            {
                return Results.Problem(statusCode: 404, title: "Unknown customer", detail: $"Customer '{id}' has no grade in {found.Period}.");
            }

            var playbook = (await policies.GetAsync(grade.PolicyVersion, cancellationToken))?.Service.GetValueOrDefault(grade.Tier) is { } service
                ? PlaybookView.From(grade.Tier, service, grade.LastContact, language)
                : null;
            return Results.Ok(CustomerView.From(grade, GradeView.From(grade, language), playbook));
        });
    }

    internal static async Task<IResult> GetHistoryAsync(string id, HttpContext context, PeriodDirectory periods, GradeStore grades, CancellationToken cancellationToken)
    {
        id = CustomerRouteId.Decode(id);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CustomerRouteId.Check(id, "id", errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var all = await periods.AllAsync(cancellationToken);
        var (language, tag) = ApiLanguage.Of(context.Request);
        return await HttpCaching.ConditionalAsync(context, $"history|{string.Join(',', all.Select(p => p.RunId))}|{id}|{tag}", current: true, tag, async () =>
        {
            // One point read per period, a few at a time: history is a handful of periods, never a scan.
            var found = new StoredGrade?[all.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (i, ct) => found[i] = await grades.GetAsync(all[i].RunId, id, ct));
            var history = found.OfType<StoredGrade>().Select(g => GradeView.From(g, language)).ToList();
            return history.Count == 0
                ? Results.Problem(statusCode: 404, title: "Unknown customer", detail: $"Customer '{id}' has no grade in any period.")
                : Results.Ok(new HistoryView(id, history));
        });
    }

    internal static async Task<IResult> ListCustomersAsync(
        HttpContext context, PeriodDirectory periods, GradeStore grades, string? period, string? tier, string? segment, string? abc, string? lifecycle,
        string? owner, string? region, string? risingStar, string? credit, string? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = new GradeFilter
        {
            Tier = Text("tier", tier, errors),
            Segment = Text("segment", segment, errors),
            Abc = OneOf("abc", abc, AbcClasses, errors),
            Lifecycle = OneOf("lifecycle", lifecycle, Enum.GetNames<LifecycleStage>(), errors),
            // owner=none: the customers whose tier's playbook wants a dedicated manager and who have no owner.
            Owner = owner == NoOwner ? null : Text("owner", owner, errors),
            NeedsOwner = owner == NoOwner,
            Region = Text("region", region, errors),
            RisingStar = Flag("risingStar", risingStar, errors),
            // credit=none: the customers without a credit history.
            CreditGrade = credit == NoOwner ? CreditSummary.NoHistory : Text("credit", credit, errors),
        };
        return await PageAsync(context, periods, grades, "customers", filter, period, pageSize, continuationToken, errors, cancellationToken);
    }

    internal static async Task<IResult> ListMovementsAsync(
        HttpContext context, PeriodDirectory periods, GradeStore grades, string? period, string? direction, string? tier,
        string? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var way = OneOf("direction", direction?.ToLowerInvariant(), Directions, errors);
        var filter = new GradeFilter
        {
            Moved = true,
            Movement = way is null ? null : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(way),
            Tier = Text("tier", tier, errors),
        };
        return await PageAsync(context, periods, grades, "movements", filter, period, pageSize, continuationToken, errors, cancellationToken);
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, PeriodDirectory periods, GradeStore grades, string list, GradeFilter filter, string? period, string? pageSize,
        string? continuationToken, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        }

        var lookup = await FindPeriodAsync(period, errors, periods, cancellationToken);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (lookup.Period is not { } found)
        {
            return NoPeriod(period);
        }

        var query = $"{list}|{found.RunId}|{filter}";
        string? continuation = null;
        if (continuationToken is not null)
        {
            continuation = ContinuationToken.Read(continuationToken, query);
            if (continuation is null || !GradeStore.IsContinuationOf(found.RunId, continuation))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["continuationToken"] = ["The token is not one this list gave (or it belongs to other filters or another period)."],
                });
            }
        }

        var (language, tag) = ApiLanguage.Of(context.Request);
        return await HttpCaching.ConditionalAsync(context, $"{query}|{size}|{continuationToken}|{tag}", lookup.IsCurrent, tag, async () =>
        {
            var (page, next) = await grades.PageAsync(found.RunId, filter, size, continuation, cancellationToken);
            return Results.Ok(new GradePage(found.Period,
                [.. page.Select(g => CustomerView.From(g, GradeView.From(g, language)))],
                next is null ? null : ContinuationToken.Create(query, next)));
        });
    }

    // group: for a run graded within groups, the group whose own summary is wanted; the whole book's without it.
    internal static async Task<IResult> GetSummaryAsync(
        string? period, string? group, HttpContext context, PeriodDirectory periods, RunSummaries summaries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (group is { Length: 0 or > MaxFilterLength })
        {
            errors["group"] = [$"must be 1 to {MaxFilterLength} characters"];
        }

        var lookup = await FindPeriodAsync(period, errors, periods, cancellationToken);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (lookup.Period is not { } found)
        {
            return NoPeriod(period);
        }

        var (language, tag) = ApiLanguage.Of(context.Request);
        return await HttpCaching.ConditionalAsync(context, $"summary|{found.RunId}|{lookup.Previous?.RunId}|{group}|{tag}", lookup.IsCurrent, tag, async () =>
        {
            var now = await summaries.GetAsync(found.RunId, cancellationToken)
                ?? throw new InvalidOperationException($"Run {found.RunId} is committed without a summary.");
            var before = lookup.Previous is { } previous ? await summaries.GetAsync(previous.RunId, cancellationToken) : null;
            if (group is not null && now.Grading.Groups?.FirstOrDefault(g => g.Group == group) is null)
            {
                return Results.Problem(statusCode: 404, title: "Unknown group", detail: now.Grading.Groups is { } groups
                    ? $"The run of {found.Period} has no group '{group}'; it graded by {now.Grading.GroupBy}, in {string.Join(", ", groups.Select(g => g.Group))}."
                    : $"The run of {found.Period} graded all customers together, not within groups.");
            }

            return Results.Ok(TierSummaryView.From(found.Period, found.RunId, now.Grading, lookup.Previous?.Period, before?.Grading, now.Owners, language, group));
        });
    }

    internal static async Task<IResult> ListPeriodsAsync(PeriodDirectory periods, CancellationToken cancellationToken)
    {
        var all = await periods.AllAsync(cancellationToken);
        return Results.Ok(all.Select((p, i) => new PeriodView(p.Period, p.RunId, p.PolicyVersion, p.AsOf, p.CommittedAt, i == all.Count - 1)).Reverse().ToList());
    }

    private static async Task<PeriodLookup> FindPeriodAsync(string? period, Dictionary<string, string[]> errors, PeriodDirectory periods, CancellationToken cancellationToken)
    {
        var lookup = await periods.FindAsync(period, cancellationToken);
        if (lookup.IsInvalid)
        {
            errors["period"] = ["period is a month, yyyy-MM."];
        }

        return lookup;
    }

    private static IResult NoPeriod(string? period) => Results.Problem(statusCode: 404, title: "Unknown period",
        detail: period is null ? "No period has been graded yet." : $"Period {period} has not been graded.");

    private static string? Text(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (value is { Length: 0 or > MaxFilterLength })
        {
            errors[name] = [$"{name} is 1 to {MaxFilterLength} characters."];
            return null;
        }

        return value;
    }

    private static string? OneOf(string name, string? value, string[] allowed, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors[name] = [$"{name} is one of {string.Join(", ", allowed)}."];
        }

        return match;
    }

    private static bool? Flag(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors[name] = [$"{name} is true or false."];
        return null;
    }
}
