using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Grades;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The sales portal's reads: a customer's grade and history, filtered lists, movements, the tier summary and the periods.
/// Every answer is of one committed period (the current one unless <c>period</c> says otherwise), cached by ETag, and
/// within the caller's <see cref="ReadScope"/>: to a rep, a customer of another book is unknown.
/// </summary>
public sealed class PortalEndpoints(
    PeriodDirectory periods, GradeStore grades, GradeListing listing, RunSummaries summaries, PolicyVersions policies, ReadScopes scopes)
{
    /// <summary>One point read: the grade row carries the customer's master data as it was graded, so the period reads whole.</summary>
    [Function("GetCustomer")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<CustomerView>, NotModified, RefusedRequest, NotFoundProblem>> GetCustomerAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{id}")] HttpRequest request,
        [AsParameters] CustomerInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var lookup = await periods.FindAsync(input.Period, cancellationToken);
        if (lookup.Period is not { } found)
        {
            return PeriodDirectory.NotGraded(input.Period);
        }

        var id = input.Id.Value;
        var scope = await scopes.OfAsync(request.HttpContext, cancellationToken);
        var (language, tag) = ApiLanguage.Of(request);
        if (HttpCaching.Check(request.HttpContext, $"customer|{found.RunId}|{id}|{scope.Key}|{tag}", lookup.IsCurrent, tag) is { } unchanged)
        {
            return unchanged;
        }

        if (await grades.GetAsync(found.RunId, id, cancellationToken) is not { } grade || !scope.Covers(grade.Owner))
        {
            return new NotFoundProblem("Unknown customer", $"Customer '{id}' has no grade in {found.Period}.");
        }

        var policy = await policies.GetAsync(grade.PolicyVersion, cancellationToken);
        var playbook = policy?.Service.GetValueOrDefault(grade.Tier) is { } service
            ? PlaybookView.From(grade.Tier, service, grade.LastContact, language)
            : null;
        return TypedResults.Ok(CustomerView.From(grade, GradeView.From(grade, language, DisplayNames.Of(policy)), playbook));
    }

    [Function("GetCustomerHistory")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<HistoryView>, NotModified, RefusedRequest, NotFoundProblem>> GetHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{id}/history")] HttpRequest request,
        [AsParameters] CustomerIdInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var id = input.Id.Value;
        var all = await periods.AllAsync(cancellationToken);
        var scope = await scopes.OfAsync(request.HttpContext, cancellationToken);
        var (language, tag) = ApiLanguage.Of(request);
        if (HttpCaching.Check(request.HttpContext, $"history|{string.Join(',', all.Select(p => p.RunId))}|{id}|{scope.Key}|{tag}", current: true, tag) is { } unchanged)
        {
            return unchanged;
        }

        // One point read per period, a few at a time: history is a handful of periods, never a scan. A rep sees the
        // periods in which the customer was in their book.
        var found = new StoredGrade?[all.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, all.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await grades.GetAsync(all[i].RunId, id, ct));
        var history = new List<GradeView>(all.Count);
        foreach (var grade in found.OfType<StoredGrade>().Where(g => scope.Covers(g.Owner)))
        {
            history.Add(GradeView.From(grade, language, await policies.DisplayNamesAsync(grade.PolicyVersion, cancellationToken)));
        }

        return history.Count == 0
            ? new NotFoundProblem("Unknown customer", $"Customer '{id}' has no grade in any period.")
            : TypedResults.Ok(new HistoryView(id, history));
    }

    [Function("ListCustomers")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<GradePage>, PushStreamHttpResult, NotModified, RefusedRequest, NotFoundProblem>> ListCustomersAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers")] HttpRequest request,
        [AsParameters] CustomerListInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var needsOwner = input.Owner == CustomerFilterInput.None;
        return await listing.PageAsync(request.HttpContext, "customers", input.Filter(needsOwner ? null : input.Owner, needsOwner), input, cancellationToken);
    }

    [Function("ListMovements")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<GradePage>, PushStreamHttpResult, NotModified, RefusedRequest, NotFoundProblem>> ListMovementsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "movements")] HttpRequest request,
        [AsParameters] MovementListInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var filter = new GradeFilter
        {
            Moved = true,
            Movement = input.Direction is { } way ? Enum.Parse<Domain.Grading.TierMovement>(way, ignoreCase: true).ToString() : null,
            Tier = input.Tier,
        };
        return await listing.PageAsync(request.HttpContext, "movements", filter, input, cancellationToken);
    }

    [Function("GetTierSummary")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook)]
    public async Task<Results<Ok<TierSummaryView>, NotModified, RefusedRequest, NotFoundProblem>> GetSummaryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tiers/summary")] HttpRequest request,
        [AsParameters] SummaryInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        var lookup = await periods.FindAsync(input.Period, cancellationToken);
        if (lookup.Period is not { } found)
        {
            return PeriodDirectory.NotGraded(input.Period);
        }

        var group = input.Group;
        var scope = await scopes.OfAsync(request.HttpContext, cancellationToken);
        if (group is not null && !scope.IsEverything)
        {
            return RefusedRequest.Invalid("group", "A rep's summary is of their own book, which is not split by group.");
        }

        var (language, tag) = ApiLanguage.Of(request);
        if (HttpCaching.Check(request.HttpContext, $"summary|{found.RunId}|{lookup.Previous?.RunId}|{group}|{scope.Key}|{tag}", lookup.IsCurrent, tag) is { } unchanged)
        {
            return unchanged;
        }

        var now = await summaries.GetAsync(found.RunId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {found.RunId} is committed without a summary.");
        var before = lookup.Previous is { } previous ? await summaries.GetAsync(previous.RunId, cancellationToken) : null;
        if (!scope.IsEverything)
        {
            return TypedResults.Ok(TierSummaryView.OfBook(found.Period, found.RunId, now.Grading, now.Owners, lookup.Previous?.Period, before?.Owners, scope));
        }

        if (group is not null && now.Grading.Groups?.FirstOrDefault(g => g.Group == group) is null)
        {
            return new NotFoundProblem("Unknown group", now.Grading.Groups is { } groups
                ? $"The run of {found.Period} has no group '{group}'; it graded by {now.Grading.GroupBy}, in {string.Join(", ", groups.Select(g => g.Group))}."
                : $"The run of {found.Period} graded all customers together, not within groups.");
        }

        return TypedResults.Ok(TierSummaryView.From(found.Period, found.RunId, now.Grading, lookup.Previous?.Period, before?.Grading, now.Owners, language, group));
    }

    [Function("ListPeriods")]
    [CallableBy(AppRoles.ReadAll, AppRoles.ReadOwnBook, AppRoles.Administer)]
    public async Task<Ok<List<PeriodView>>> ListPeriodsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "periods")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var all = await periods.AllAsync(cancellationToken);
        return TypedResults.Ok(all.Select((p, i) => new PeriodView(p.Period, p.RunId, p.PolicyVersion, p.AsOf, p.CommittedAt, i == all.Count - 1)).Reverse().ToList());
    }
}
