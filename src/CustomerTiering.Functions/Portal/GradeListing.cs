using System.Runtime.CompilerServices;
using CustomerTiering.Domain.Policy;
using CustomerTiering.Domain.Reasons;
using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Storage.Grades;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerTiering.Functions.Portal;

/// <summary>
/// The lists of a period's grades (customers, an owner's book, movements): a page at a time, each page cached by ETag,
/// with a continuation token that is good only for the same list, filters, scope and period. A rep's list is narrowed
/// to the owner names of the period that are theirs; a list they ask for outside their book is empty. Asked for as
/// CSV or XLSX, the whole list (every page) downloads as a file (<see cref="SpreadsheetDownload"/>).
/// </summary>
public sealed class GradeListing(PeriodDirectory periods, GradeStore grades, PolicyVersions policies, RunSummaries summaries, ReadScopes scopes)
{
    /// <summary>The rows a download reads from storage at a time.</summary>
    private const int DownloadPage = 1000;

    public async Task<Results<Ok<GradePage>, PushStreamHttpResult, NotModified, RefusedRequest, NotFoundProblem>> PageAsync(
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

        var format = SpreadsheetDownload.FormatOf(context.Request, input.Format);
        var fileName = $"{list}-{found.Period}";
        var scope = await scopes.OfAsync(context, cancellationToken);
        if (!scope.IsEverything)
        {
            var owners = (await summaries.GetAsync(found.RunId, cancellationToken))?.Owners?.Owners.Select(b => b.Owner) ?? [];
            var book = scope.OwnersAmong(owners).Where(o => filter.Owner is null || o == filter.Owner).ToList();
            if (book.Count == 0 || filter.NeedsOwner)
            {
                return format == ListFormat.Json
                    ? TypedResults.Ok(new GradePage(found.Period, [], null))
                    : SpreadsheetDownload.Create(format, fileName, GradeRows.Header, AsyncEnumerable.Empty<object?[]>());
            }

            filter = filter with { Owners = book };
        }

        if (format != ListFormat.Json)
        {
            return SpreadsheetDownload.Create(format, fileName, GradeRows.Header,
                RowsAsync(found.RunId, filter, ApiLanguage.Of(context.Request).Language, context.RequestAborted));
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

    private async IAsyncEnumerable<object?[]> RowsAsync(string runId, GradeFilter filter, ReasonLanguage language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DisplayNames? names = null;
        string? continuation = null;
        do
        {
            var (page, next) = await grades.PageAsync(runId, filter, DownloadPage, continuation, cancellationToken);
            foreach (var grade in page)
            {
                names ??= await policies.DisplayNamesAsync(grade.PolicyVersion, cancellationToken);
                yield return GradeRows.Of(grade, language, names);
            }

            continuation = next;
        }
        while (continuation is not null);
    }
}
