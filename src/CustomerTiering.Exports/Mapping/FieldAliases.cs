using System.Globalization;
using System.Text;

namespace CustomerTiering.Exports.Mapping;

/// <summary>Built-in header names for each field, in English and Chinese, compared without case, spaces, '_', '-' or '.'.</summary>
public static class FieldAliases
{
    private static readonly Dictionary<CanonicalField, string[]> Names = new()
    {
        [CanonicalField.CustomerId] = ["customer id", "customerid", "customer_id", "cust id", "customer no", "customer number", "client id", "account id", "客户编号", "客户id", "客户代码", "客户号", "客户编码"],
        [CanonicalField.Name] = ["name", "customer name", "company name", "company", "客户名称", "客户姓名", "名称", "姓名", "公司名称"],
        [CanonicalField.CustomerType] = ["type", "customer type", "segment type", "客户类型", "类型"],
        [CanonicalField.Region] = ["region", "area", "territory", "country", "区域", "地区", "大区", "国家"],
        [CanonicalField.Channel] = ["channel", "sales channel", "渠道", "销售渠道"],
        [CanonicalField.Owner] = ["owner", "account owner", "sales rep", "salesperson", "account manager", "负责人", "客户经理", "销售代表", "销售"],
        [CanonicalField.OrderId] = ["order id", "orderid", "order no", "order number", "订单号", "订单编号"],
        [CanonicalField.OrderDate] = ["order date", "date", "invoice date", "invoicedate", "created", "订单日期", "日期", "下单日期", "开票日期"],
        [CanonicalField.Amount] = ["amount", "total", "net amount", "order total", "revenue", "sales", "金额", "订单金额", "销售额", "总金额"],
        [CanonicalField.Margin] = ["margin", "profit", "gross margin", "gross profit", "毛利", "利润", "毛利额"],
        [CanonicalField.Currency] = ["currency", "币种", "货币"],
        [CanonicalField.Category] = ["category", "product category", "品类", "类别", "产品类别", "商品类别"],
        [CanonicalField.Status] = ["status", "order status", "状态", "订单状态"],
        [CanonicalField.InvoiceNo] = ["invoice", "invoice no", "invoiceno", "invoice number", "发票号", "单据号", "发票号码"],
        [CanonicalField.ProductCode] = ["product code", "stockcode", "stock code", "sku", "product id", "item code", "产品编号", "商品编码", "产品代码"],
        [CanonicalField.Quantity] = ["quantity", "qty", "数量"],
        [CanonicalField.UnitPrice] = ["unit price", "unitprice", "price", "单价"],
    };

    private static readonly Dictionary<string, CanonicalField> ByName = Index();

    public static IReadOnlyList<string> Of(CanonicalField field) => Names[field];

    public static CanonicalField? Find(string header) => ByName.TryGetValue(Normalise(header), out var field) ? field : null;

    /// <summary>Lower case, without spaces, '_', '-', '.', a BOM or full-width spaces: "Customer_ID" = "customer id" = "CustomerId".</summary>
    public static string Normalise(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.' or '\uFEFF')
            {
                continue;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static Dictionary<string, CanonicalField> Index()
    {
        var index = new Dictionary<string, CanonicalField>(StringComparer.Ordinal);
        foreach (var (field, names) in Names)
        {
            foreach (var name in names)
            {
                if (index.TryGetValue(Normalise(name), out var other) && other != field)
                {
                    throw new InvalidOperationException($"The alias '{name}' names both {other} and {field}.");
                }

                index[Normalise(name)] = field;
            }
        }

        return index;
    }
}
