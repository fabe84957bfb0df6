using CustomerTiering.Domain.Policy;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Grades;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The lists of a period's grades (customers, an owner's book, movements): a page at a time, each page cached by ETag,
/// with a continuation token that is good only for the same list, filters, scope and period. A rep's list is narrowed
/// to the owner names of the period that are theirs; a list they ask for outside their book is empty.
/// </summary>
public sealed class GradeListing(PeriodDirectory periods, GradeStore grades, PolicyVersions policies, RunSummaries summaries, ReadScopes scopes)
{
    public async Task<Results<Ok<GradePage>, NotModified, RefusedRequest, NotFoundProblem>> PageAsync(
        HttpContext context, string list, GradeFilter filter, GradeListInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(input);
        var lookup = await periods.FindAsync(input.Period, cancellationToken);
        if (lookup.Period is not { } found)
        {
            return PeriodDirectory.NotGraded(input.Period);
        }

        var scope = await scopes.OfAsync(context, cancellationToken);
        if (!scope.IsEverything)
        {
            var owners = (await summaries.GetAsync(found.RunId, cancellationToken))?.Owners?.Owners.Select(b => b.Owner) ?? [];
            var book = scope.OwnersAmong(owners).Where(o => filter.Owner is null || o == filter.Owner).ToList();
            if (book.Count == 0 || filter.NeedsOwner)
            {
                return TypedResults.Ok(new GradePage(found.Period, [], null));
            }

            filter = filter with { Owners = book };
        }

        var query = $"{list}|{found.RunId}|{filter}";
        string? continuation = null;
        if (input.ContinuationToken is { } token)
        {
            continuation = ContinuationToken.Read(token, query);
            if (continuation is null || !GradeStore.IsContinuationOf(found.RunId, continuation))
            {
                return RefusedRequest.Invalid("continuationToken", "The token is not one this list gave (or it belongs to other filters or another period).");
            }
        }

        var (language, tag) = ApiLanguage.Of(context.Request);
        if (HttpCaching.Check(context, $"{query}|{input.PageSize}|{input.ContinuationToken}|{tag}", lookup.IsCurrent, tag) is { } unchanged)
        {
            return unchanged;
        }

        var (page, next) = await grades.PageAsync(found.RunId, filter, input.PageSize, continuation, cancellationToken);
        // One run grades under one policy: every grade of the page names tiers alike.
        var names = page.Count > 0 ? await policies.DisplayNamesAsync(page[0].PolicyVersion, cancellationToken) : DisplayNames.Default;
        return TypedResults.Ok(new GradePage(found.Period,
            [.. page.Select(g => CustomerView.From(g, GradeView.From(g, language, names)))],
            next is null ? null : ContinuationToken.Create(query, next)));
    }
}
