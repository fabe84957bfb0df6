using CustomerTiering.Functions.Access;
using CustomerTiering.Functions.Http;
using CustomerTiering.Functions.Portal;
using CustomerTiering.Storage.Owners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CustomerTiering.Functions.Owners;

/// <summary>
/// Administrators keep the owner directory: which user each owner name of the exports means, so that a rep signed in
/// as that user reads that owner's customers (<see cref="ReadScope"/>). Read it with the owners no one is mapped to,
/// set or remove one owner, or upload a CSV of many. Every change records who made it, from their token.
/// </summary>
public sealed class OwnerDirectoryEndpoints(OwnerDirectoryStore directory, ReadScopes scopes, PeriodDirectory periods, RunSummaries summaries, TimeProvider clock)
{
    private const string Csv = "text/csv";
    private const int MaxCsvBytes = 1024 * 1024;
    private const int ChangesShown = 50;

    [Function("GetOwnerDirectory")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Ok<OwnerDirectoryView>> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/owner-directory")] HttpRequest request, CancellationToken cancellationToken)
    {
        var entries = await directory.AllAsync(cancellationToken);
        var mapped = entries.Select(e => OwnerDirectoryStore.KeyOf(e.Owner)).ToHashSet(StringComparer.Ordinal);
        var current = (await periods.FindAsync(null, cancellationToken)).Period;
        var owners = current is null ? [] : (await summaries.GetAsync(current.RunId, cancellationToken))?.Owners?.Owners.Select(b => b.Owner) ?? [];
        var unmatched = owners.Where(o => !mapped.Contains(OwnerDirectoryStore.KeyOf(o)) && !OwnerUser.IsSignInName(o)).ToList();
        return TypedResults.Ok(new OwnerDirectoryView(entries, unmatched, await directory.ChangesAsync(ChangesShown, cancellationToken)));
    }

    [Function("SetOwnerDirectoryEntry")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<OwnerDirectoryEntry>, RefusedRequest>> SetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "manage/owner-directory/{owner}")] HttpRequest request,
        [AsParameters] SetOwnerInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        if (input.Body?.User is not { } user || !OwnerUser.IsValid(user))
        {
            return RefusedRequest.Invalid("user", OwnerUser.Rule);
        }

        var who = Caller.Of(request.HttpContext).AsActor();
        var at = clock.GetUtcNow();
        await directory.SetAsync([(input.Owner.Value, user)], who, at, cancellationToken);
        scopes.DirectoryChanged();
        return TypedResults.Ok(new OwnerDirectoryEntry(input.Owner.Value, user, who, at));
    }

    [Function("RemoveOwnerDirectoryEntry")]
    [CallableBy(AppRoles.Administer)]
    public async Task<Results<Ok<OwnerDirectoryChange>, RefusedRequest, NotFoundProblem>> RemoveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/owner-directory/{owner}")] HttpRequest request,
        [AsParameters] OwnerInput input,
        CancellationToken cancellationToken)
    {
        if (input.Refusal is { } refused)
        {
            return refused;
        }

        if (await directory.RemoveAsync(input.Owner.Value, Caller.Of(request.HttpContext).AsActor(), clock.GetUtcNow(), cancellationToken) is not { } removed)
        {
            return new NotFoundProblem("Unknown owner", $"The directory has no owner '{input.Owner}'.");
        }

        scopes.DirectoryChanged();
        return TypedResults.Ok(removed);
    }

    /// <summary>Sets every owner of a CSV file (<see cref="OwnerDirectoryCsv"/>); owners not in the file are left as they are.</summary>
    [Function("UploadOwnerDirectory")]
    [CallableBy(AppRoles.Administer)]
    [Consumes(typeof(Stream), Csv)]
    public async Task<Results<Ok<OwnerDirectoryView>, RefusedRequest>> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/owner-directory")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith(Csv, StringComparison.OrdinalIgnoreCase))
        {
            return RefusedRequest.UnsupportedType($"The directory is uploaded as {Csv}.");
        }

        if (await BoundedBody.ReadAsync(request, MaxCsvBytes, cancellationToken) is not { } body)
        {
            return RefusedRequest.TooLarge($"The directory file is larger than {MaxCsvBytes / 1024} KB.");
        }

        var (rows, errors) = OwnerDirectoryCsv.Read(body);
        if (errors.Count > 0)
        {
            return RefusedRequest.Invalid(errors, "The directory file has problems; nothing was changed");
        }

        await directory.SetAsync(rows, Caller.Of(request.HttpContext).AsActor(), clock.GetUtcNow(), cancellationToken);
        scopes.DirectoryChanged();
        return TypedResults.Ok((await GetAsync(request, cancellationToken)).Value!);
    }
}
