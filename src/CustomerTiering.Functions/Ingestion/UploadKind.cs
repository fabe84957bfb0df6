using CustomerTiering.Exports;

namespace CustomerTiering.Functions.Ingestion;

/// <summary>The kinds of export a caller uploads, as the route names them; order lines arrive inside orders files.</summary>
public enum UploadKind
{
    Customers = ExportKind.Customers,
    Orders = ExportKind.Orders,
    Invoices = ExportKind.Invoices,
}
