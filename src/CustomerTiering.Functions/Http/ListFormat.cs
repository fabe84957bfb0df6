namespace CustomerTiering.Functions.Http;

/// <summary>How a list is answered: a page of JSON, or every item at once as a CSV or Excel file to download.</summary>
public enum ListFormat
{
    Json,
    Csv,
    Xlsx,
}
