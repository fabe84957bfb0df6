using System.Diagnostics;
using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.Exports.Records;
using CustomerTiering.Functions.Faults;
using CustomerTiering.Storage;
using CustomerTiering.Storage.Customers;
using CustomerTiering.Storage.Ingestion;
using CustomerTiering.Storage.Privacy;
using Microsoft.Extensions.Options;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>
/// Ingests one export blob. Reads its first rows to learn its date format, then the whole file twice: first to check
/// every row (nothing is written if too many are bad), then to write the good ones. Rows are upserted by key, so a redelivered event, a re-uploaded file or a retry after a crash ends
/// in exactly the state of one clean run. A file that cannot be read is rejected with a report, never retried.
/// Rows of erased customers are skipped in both passes and only counted (<see cref="IngestionReport.Erased"/>).
/// </summary>
public sealed class ExportIngestion(
    ExportStore exports,
    CustomerRecords records,
    IngestionLedger ledger,
    ReportStore reports,
    ErasedCustomers erased,
    ExportWriteGate writeGate,
    MappingProfiles profiles,
    IFaultInjection faults,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<ExportIngestion> logger)
{
    private static readonly ExportLimits Limits = ExportLimits.Default;

    /// <summary>
    /// Ingests the blob's current version, once: a version already finished is left alone. Attempts are counted in the
    /// ledger, so the last one the host will make (<see cref="IngestionOptions.MaxAttempts"/>) marks the ingestion failed
    /// before its error goes to the host's poison queue, whatever trigger delivered it.
    /// </summary>
    public async Task<IngestionRecord?> IngestAsync(string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (!ExportBlobName.IsExport(blobName))
        {
            return null;
        }

        if (await exports.GetAsync(blobName, cancellationToken) is not { } export)
        {
            Log.ExportGone(logger, blobName);
            return null;
        }

        var id = IngestionLedger.IdOf(blobName, export.ETag);
        using var scope = Log.IngestionScope(logger, id);
        var existing = await ledger.GetAsync(id, cancellationToken);
        if (existing is { IsFinished: true })
        {
            Log.AlreadyIngested(logger, id, existing.Status);
            return existing;
        }

        var started = clock.GetUtcNow();
        var running = new IngestionRecord
        {
            Id = id, BlobName = blobName, ETag = export.ETag, Status = IngestionStatus.Running,
            CreatedAt = existing?.CreatedAt ?? started, UpdatedAt = started, Attempts = (existing?.Attempts ?? 0) + 1,
            UploadedBy = existing?.UploadedBy ?? ExportMetadata.UploaderOf(export.Metadata),
        };
        await ledger.SaveAsync(running, cancellationToken);
        Log.IngestionStarted(logger, id);

        var timer = Stopwatch.StartNew();
        var report = new IngestionReport { IngestionId = id, BlobName = blobName, StartedAt = started, MaxRejectedShare = options.Value.MaxRejectedShare };
        try
        {
            report = await RunAsync(export, report, cancellationToken);
        }
        catch (ExportRejectedException ex)
        {
            report = report with { Status = IngestionOutcome.Rejected, Reason = ex.Message };
        }
        catch (Exception ex) when (ExportStore.IsOverwritten(ex))
        {
            report = report with
            {
                Status = IngestionOutcome.Rejected,
                Reason = "The file was overwritten while it was being read; the new version is ingested on its own event.",
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException && running.Attempts >= options.Value.MaxAttempts)
        {
            await ledger.SaveAsync(running with
            {
                Status = IngestionStatus.Failed,
                Reason = $"{ex.GetType().Name}: {ex.Message}",
                UpdatedAt = clock.GetUtcNow(),
            }, CancellationToken.None);
            Log.IngestionFailed(logger, id, ex);
            throw;
        }

        report = report with { Seconds = Math.Round(timer.Elapsed.TotalSeconds, 3) };
        await reports.SaveReportAsync(id, report, cancellationToken);
        var finished = running with
        {
            Status = report.Status switch
            {
                IngestionOutcome.Succeeded => IngestionStatus.Succeeded,
                IngestionOutcome.PartiallySucceeded => IngestionStatus.PartiallySucceeded,
                _ => IngestionStatus.Rejected,
            },
            Kind = report.Kind,
            Rows = report.Rows,
            Accepted = report.Accepted,
            Rejected = report.Rejected,
            WithoutCustomer = report.WithoutCustomer,
            Erased = report.Erased,
            Written = report.Written,
            Reason = report.Reason,
            ReportPath = $"{StorageNames.ReportsContainer}/{ReportStore.ReportPath(id)}",
            UpdatedAt = clock.GetUtcNow(),
        };
        await ledger.SaveAsync(finished, cancellationToken);
        Log.IngestionFinished(logger, id, finished.Status, finished.Rows, finished.Rejected, finished.Written);
        return finished;
    }

    private async Task<IngestionReport> RunAsync(StoredExport export, IngestionReport report, CancellationToken cancellationToken)
    {
        if (export.Length == 0)
        {
            throw new ExportRejectedException("The file is empty.");
        }

        var profile = await profiles.LoadAsync(export.Metadata.TryGetValue(ExportMetadata.Profile, out var name) ? name : null, cancellationToken);
        var requestedDates = ExportMetadata.DateFormatOf(export.Metadata);
        var kindHint = ExportBlobName.KindOf(export.Name);

        // Pass 0: the header, and what the first rows say about dates and ids.
        ColumnMap map;
        ColumnConventions conventions;
        using (var reader = await OpenAsync(export, cancellationToken))
        {
            map = ColumnMap.Resolve(reader.Header, profile, kindHint);
            conventions = ColumnSurvey.Conventions(reader, map, profile, requestedDates);
        }

        // Pass 1: check every row, keep the first problems and write all of them to the rejected-rows CSV.
        var tally = new RowTally(Limits.MaxErrorsInReport);
        var erasedBefore = await erased.LoadAsync(cancellationToken);
        long erasedRows = 0;
        await reports.SaveRejectedRowsAsync(report.IngestionId, async rejectedCsv =>
        {
            using var csv = new RejectedRowsCsv(new StreamWriter(rejectedCsv, RejectedRowsCsv.Encoding));
            using var reader = await OpenAsync(export, cancellationToken);
            foreach (var row in new ExportParser(map, profile, Limits, conventions).Parse(reader))
            {
                if (IsErased(row, reader, map, erasedBefore))
                {
                    erasedRows += row.IsFileRow ? 1 : 0;
                    continue;
                }

                tally.Add(row);
                foreach (var error in row.Errors)
                {
                    csv.Write(error);
                }
            }

            return tally.Rejected > 0;
        }, cancellationToken);

        report = tally.Describe(report with
        {
            Erased = erasedRows,
            Kind = map.Kind.ToString(),
            DateFormat = conventions.DateFormat?.Name,
            DateFormatSource = conventions.DateFormatSource,
            Columns = map.Uses,
            RejectedRowsPath = tally.Rejected > 0 ? $"{StorageNames.ReportsContainer}/{ReportStore.RejectedRowsPath(report.IngestionId)}" : null,
        }, conventions);
        if (tally.Rows == 0 && erasedRows > 0)
        {
            return report with { Status = IngestionOutcome.Succeeded, Reason = "Every row is of an erased customer; nothing was written." };
        }

        if (tally.Rows == 0)
        {
            throw new ExportRejectedException("The file has a header but no rows.");
        }

        if (report.RejectedShare > options.Value.MaxRejectedShare)
        {
            return report with
            {
                Status = IngestionOutcome.Rejected,
                Reason = $"{tally.Rejected} of {tally.Rows} rows ({report.RejectedShare:P1}) are bad; more than {options.Value.MaxRejectedShare:P0} rejects the whole file, so nothing was written.",
            };
        }

        // Pass 2: write the good rows; not while a regrade measures: a run sees this file whole or not at all.
        if (await writeGate.EnterAsync(report.IngestionId, cancellationToken) is { } waitedFor)
        {
            Log.WaitedForRun(logger, report.IngestionId, waitedFor);
        }

        try
        {
            return await WriteAsync(export, map, profile, conventions, tally, report, cancellationToken);
        }
        finally
        {
            await LeaveGateAsync(report.IngestionId);
        }
    }

    private async Task<IngestionReport> WriteAsync(
        StoredExport export, ColumnMap map, MappingProfile profile, ColumnConventions conventions, RowTally tally, IngestionReport report, CancellationToken cancellationToken)
    {
        var writer = records.Writer(export.Name, clock.GetUtcNow(), options.Value.WriteParallelism);
        var refreshed = clock.GetTimestamp();
        long handed = 0;
        long erasedRows = 0;
        // Read again with this ingestion's write marker up: an erasure recorded before now is seen here, and one
        // recorded after waits for the marker to come down (CustomerErasure).
        var erasedNow = await erased.LoadAsync(cancellationToken);
        using (var reader = await OpenAsync(export, cancellationToken))
        {
            foreach (var row in new ExportParser(map, profile, Limits, conventions).Parse(reader))
            {
                if (IsErased(row, reader, map, erasedNow))
                {
                    erasedRows += row.IsFileRow ? 1 : 0;
                    continue;
                }

                if (row.Customer is { } customer)
                {
                    await writer.AddAsync(customer, cancellationToken);
                }
                else if (row.Order is { } order)
                {
                    await writer.AddAsync(order.Order, order.Currency, cancellationToken);
                }
                else if (row.Invoice is { } invoice)
                {
                    await writer.AddAsync(invoice, cancellationToken);
                }
                else
                {
                    continue;
                }

                handed++;
                if (clock.GetElapsedTime(refreshed) > ExportWriteGate.RefreshEvery)
                {
                    await writeGate.RefreshAsync(report.IngestionId, cancellationToken);
                    refreshed = clock.GetTimestamp();
                }

                await faults.AtAsync(FaultPoint.IngestionRowWritten, report.IngestionId, handed, cancellationToken: cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
        return report with
        {
            Status = tally.Rejected == 0 ? IngestionOutcome.Succeeded : IngestionOutcome.PartiallySucceeded,
            Written = handed,
            Erased = Math.Max(report.Erased, erasedRows),
        };
    }

    /// <summary>
    /// A row of an erased customer: by the id cell of the row being read (so a bad row of theirs is not even reported),
    /// or, for an order an invoice's lines made after the last row, by its customer.
    /// </summary>
    private static bool IsErased(ParsedRow row, IRowReader reader, ColumnMap map, ErasedSet erased) =>
        erased.Count > 0 && (row.IsFileRow
            ? map[CanonicalField.CustomerId] is var column and >= 0 && erased.Contains(reader.Field(column))
            : row.Order is { } order && erased.Contains(order.Order.CustomerId.Value));

    private async Task LeaveGateAsync(string ingestionId)
    {
        try
        {
            await writeGate.LeaveAsync(ingestionId, CancellationToken.None);
        }
        catch (Exception ex) when (StorageOutage.Is(ex))
        {
            // Storage is away: the marker goes stale within ExportWriteGate.FreshFor, and no run waits longer than that.
            Log.GateNotLeft(logger, ingestionId, ex);
        }
    }

    private async Task<IRowReader> OpenAsync(StoredExport export, CancellationToken cancellationToken)
    {
        var stream = await exports.OpenReadAsync(export, cancellationToken);
        try
        {
            return ExportReader.Open(stream, export.Name, Limits);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
