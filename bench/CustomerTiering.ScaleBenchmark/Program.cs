using System.Globalization;
using CustomerTiering.Exports;
using CustomerTiering.Exports.Mapping;
using CustomerTiering.Exports.Reading;
using CustomerTiering.ScaleBenchmark;
using CustomerTiering.Storage;
using CustomerTiering.Testing;

// Usage: dotnet run -c Release --project bench/CustomerTiering.ScaleBenchmark -- [orders] [customers] [parallelism]
//           [--no-ceiling] [--parse-only] [--date-format M/d/yyyy] [--rounds N]
//    or: dotnet run -c Release --project bench/CustomerTiering.ScaleBenchmark -- regrade [customers] [orders] [parallelism] [shards]
//    or: dotnet run -c Release --project bench/CustomerTiering.ScaleBenchmark -- grading-step [customers] [shards]
//    or: dotnet run -c Release --project bench/CustomerTiering.ScaleBenchmark -- api [customers] [rate] [seconds]
//    or: dotnet run -c Release --project bench/CustomerTiering.ScaleBenchmark -- erase [customers] [periods] [erased]
int Arg(int i, int otherwise) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : otherwise;
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
if (args.Length > 0 && args[0] == "regrade")
{
    await RegradeScale.RunAsync(customers: Arg(1, 100_000), orders: Arg(2, 1_000_000), parallelism: Arg(3, 8), shards: Arg(4, 8));
    return;
}

if (args.Length > 0 && args[0] == "api")
{
    await ApiLoad.RunAsync(customers: Arg(1, 100_000), rate: Arg(2, 500), seconds: Arg(3, 20));
    return;
}

if (args.Length > 0 && args[0] == "erase")
{
    await ErasureScale.RunAsync(customers: Arg(1, 200_000), periods: Arg(2, 12), erased: Arg(3, 100));
    return;
}

if (args.Length > 0 && args[0] == "grading-step")
{
    await RegradeScale.GradingStepAsync(customers: Arg(1, 1_000_000), shards: Arg(2, 8));
    return;
}

var orders = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var customers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var parallelism = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
var measureCeiling = !args.Contains("--no-ceiling"); // the ceiling alone takes as long as the ingestion
// --parse-only: generate and parse, nothing else (38000000 orders make a 2 GB file)
// --date-format: write the dates in another format (the ingestion surveys and infers it); ISO by default
var dateFormat = Option("--date-format") ?? "yyyy-MM-dd";
Console.WriteLine($"Scale benchmark: {orders:N0} orders of {customers:N0} customers, dates as {dateFormat}, {parallelism} transactions in flight");

var file = Path.Combine(Path.GetTempPath(), $"scale-orders-{orders}.csv");
var bytes = SyntheticExport.WriteOrders(file, orders, customers, dateFormat);
Console.WriteLine($"Generated {file}: {bytes / 1e6:N1} MB");

// 1. Parsing and validation alone, from a file: the best of three runs.
var parseSeconds = Enumerable.Range(0, bytes > 1_000_000_000 ? 1 : 3).Min(_ => Measure.Seconds(() => ParseOnly(file)));
Console.WriteLine($"Parse + validate: {parseSeconds:N2} s, {bytes / 1e6 / parseSeconds:N0} MB/s, {orders / parseSeconds:N0} rows/s; " +
                  $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
if (args.Contains("--parse-only"))
{
    File.Delete(file);
    return; // how big a file can be read in how much memory, without Azurite
}

// Both writers first write a small file unmeasured, so each is measured running, not compiling its code.
const int warmUpOrders = 5_000;
var warmUpFile = Path.Combine(Path.GetTempPath(), "scale-orders-warm-up.csv");
SyntheticExport.WriteOrders(warmUpFile, warmUpOrders, customers, dateFormat, idPrefix: "WU-");

// --rounds N: the ceiling and the ingestion N times in turn, and the median of their ratios (the upper middle one for an
// even N). Azurite's own pace moves by up to a half from run to run (one core of Node for every writer), so one pair of
// runs can mislead either way.
var rounds = int.Parse(Option("--rounds") ?? "1", CultureInfo.InvariantCulture);
var ratios = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    if (rounds > 1)
    {
        Console.WriteLine($"Round {round} of {rounds}");
    }

    // Each write phase gets a fresh, empty Azurite: an emulator holding a million rows already is slower, and that must
    // not favour either side. The bare-SDK ceiling goes first.
    var rawSeconds = !measureCeiling ? double.NaN : await WithAzuriteAsync(async azurite =>
    {
        var account = azurite.Account;
        await new StorageProvisioner(account).EnsureCreatedAsync();
        var raw = account.Tables.GetTableClient("RawCeiling");
        await raw.CreateIfNotExistsAsync();
        var warmUp = account.Tables.GetTableClient("RawWarmUp");
        await warmUp.CreateIfNotExistsAsync();
        await RawCeiling.WriteAsync(warmUp, warmUpFile, parallelism);
        var (writerCpu, azuriteCpu, allocated) = (CpuTimes.Seconds(Environment.ProcessId), CpuTimes.Seconds(azurite.ProcessId ?? 0), GC.GetTotalAllocatedBytes());
        var paused = GC.GetTotalPauseDuration();
        var seconds = await RawCeiling.WriteAsync(raw, file, parallelism);
        Console.WriteLine($"CPU during the ceiling: the writer {CpuTimes.Seconds(Environment.ProcessId) - writerCpu:N1} s, " +
                          $"Azurite {CpuTimes.Seconds(azurite.ProcessId ?? 0) - azuriteCpu:N1} s; the writer allocated {(GC.GetTotalAllocatedBytes() - allocated) / orders / 1e3:N1} KB per row and paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:N1} s for its collector");
        return seconds;
    });
    Console.WriteLine($"Raw SDK ceiling: {orders / rawSeconds:N0} rows/s ({rawSeconds:N1} s)");

    // End to end: uploaded through the dev host, ingested by the IngestExport blob trigger in the worker process.
    WorkerIngestionResult? result = null;
    await WithAzuriteAsync(async azurite =>
    {
        result = await WorkerIngestion.RunAsync(azurite, file, warmUpFile, parallelism);
        return result.Seconds;
    });
    var ingestion = result!;
    Console.WriteLine($"Warm-up through the cold worker: {warmUpOrders:N0} orders in {ingestion.WarmUpSeconds:N1} s");
    Console.WriteLine($"Ingestion through the worker: {ingestion.Status}, {ingestion.Written:N0} written in {ingestion.Seconds:N1} s (upload to finished) = " +
                      $"{ingestion.Written / ingestion.Seconds:N0} rows/s; worker working set peak {ingestion.PeakWorkingSet / 1e6:N0} MB " +
                      $"({(ingestion.PeakWorkingSet - ingestion.BaselineWorkingSet) / 1e6:N0} MB above its {ingestion.BaselineWorkingSet / 1e6:N0} MB before the file)");
    Console.WriteLine($"CPU during it: the worker {ingestion.Cpu.Worker:N1} s, the dev host with this benchmark {ingestion.Cpu.DevHost:N1} s, Azurite {ingestion.Cpu.Azurite:N1} s");
    Console.WriteLine($"Ingestion reaches {100 * rawSeconds / ingestion.Seconds:N0}% of the raw ceiling");
    Console.WriteLine();
    Console.WriteLine("| orders | file MB | parse+validate MB/s | ingestion rows/s | raw SDK rows/s | ingestion / raw | worker working set peak MB |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine($"| {orders:N0} | {bytes / 1e6:N0} | {bytes / 1e6 / parseSeconds:N0} | {ingestion.Written / ingestion.Seconds:N0} | {orders / rawSeconds:N0} | {100 * rawSeconds / ingestion.Seconds:N0}% | {ingestion.PeakWorkingSet / 1e6:N0} |");
    ratios.Add(rawSeconds / ingestion.Seconds);
}

if (rounds > 1)
{
    Console.WriteLine($"Ingestion / ceiling over {rounds} rounds: {string.Join(", ", ratios.Select(r => $"{100 * r:N0}%"))}; median {100 * ratios.Order().ElementAt(rounds / 2):N0}%");
}

File.Delete(file);
File.Delete(warmUpFile);

static async Task<double> WithAzuriteAsync(Func<AzuriteFixture, Task<double>> phase)
{
    var azurite = AzuriteFixture.Dedicated();
    await azurite.InitializeAsync();
    try
    {
        return await phase(azurite);
    }
    finally
    {
        await azurite.DisposeAsync();
    }
}

// As an ingestion reads a file before writing it: the header and the survey of its first rows, then every row.
static void ParseOnly(string path)
{
    ColumnMap map;
    ColumnConventions conventions;
    using (var survey = ExportReader.Open(File.OpenRead(path), path, ExportLimits.Default))
    {
        map = ColumnMap.Resolve(survey.Header, MappingProfile.BuiltIn, ExportKind.Orders);
        conventions = ColumnSurvey.Conventions(survey, map, MappingProfile.BuiltIn, requested: null);
    }

    using var reader = ExportReader.Open(File.OpenRead(path), path, ExportLimits.Default);
    var parser = new ExportParser(map, MappingProfile.BuiltIn, ExportLimits.Default, conventions);
    long count = 0;
    foreach (var row in parser.Parse(reader))
    {
        count += row.Order is null ? 0 : 1;
    }

    GC.KeepAlive(count);
}
