using System.Globalization;
using System.Text;

namespace CustomerTiering.Exports.Mapping;

/// <summary>Built-in header names for each field, in English and Chinese, compared without case, spaces, '_', '-' or '.'.</summary>
public static class FieldAliases
{
    // Where two headers of one file name the same field, the one whose alias comes first here is used and the other is
    // reported unused: a marketplace report's 买家实际支付金额 (paid) wins over its 总金额 (list total).
    private static readonly Dictionary<CanonicalField, string[]> Names = new()
    {
        [CanonicalField.CustomerId] = ["customer id", "customerid", "customer_id", "cust id", "customer no", "customer number", "client id", "account id", "account number",
            "客户编号", "客户id", "客户代码", "客户号", "客户编码", "买家会员名", "会员名", "buyer id"],
        [CanonicalField.Name] = ["name", "customer name", "account name", "company name", "company", "客户名称", "客户姓名", "名称", "姓名", "公司名称"],
        [CanonicalField.FirstName] = ["first name", "firstname", "given name"],
        [CanonicalField.LastName] = ["last name", "lastname", "surname", "family name"],
        [CanonicalField.CustomerType] = ["type", "customer type", "account type", "segment type", "客户类型", "类型"],
        [CanonicalField.Region] = ["region", "area", "territory", "sales region", "区域", "地区", "大区", "country", "billing country", "国家",
            "province", "state", "billing state", "省份"],
        [CanonicalField.Channel] = ["channel", "sales channel", "lead source", "渠道", "销售渠道"],
        [CanonicalField.Owner] = ["owner", "account owner", "sales rep", "salesperson", "account manager", "负责人", "客户经理", "销售代表", "销售"],
        [CanonicalField.LastContact] = ["last contact", "last contact date", "last contacted", "last visit", "last activity", "最后联系日期", "最近联系日期", "上次联系日期",
            "上次拜访日期", "最近拜访日期"],
        [CanonicalField.OrderId] = ["order id", "orderid", "order no", "order number", "订单号", "订单编号"],
        [CanonicalField.OrderDate] = ["order date", "date", "invoice date", "invoicedate", "created", "created at", "订单日期", "日期", "下单日期", "下单时间",
            "订单创建时间", "创建时间", "开票日期"],
        [CanonicalField.Amount] = ["net amount", "amount", "invoice amount", "应收金额", "发票金额", "应收", "买家实际支付金额", "实付金额", "实收金额", "paid amount", "total", "order total", "revenue", "sales",
            "金额", "订单金额", "销售额", "总金额"],
        [CanonicalField.Margin] = ["margin", "profit", "gross margin", "gross profit", "毛利", "利润", "毛利额"],
        [CanonicalField.Currency] = ["currency", "币种", "货币"],
        [CanonicalField.Category] = ["category", "product category", "品类", "类别", "产品类别", "商品类别", "description", "宝贝标题", "商品标题"],
        [CanonicalField.Status] = ["status", "order status", "状态", "订单状态"],
        [CanonicalField.InvoiceNo] = ["invoice", "invoice no", "invoiceno", "invoice number", "发票号", "单据号", "发票号码"],
        [CanonicalField.ProductCode] = ["product code", "stockcode", "stock code", "sku", "product id", "item code", "产品编号", "商品编码", "产品代码"],
        [CanonicalField.Quantity] = ["quantity", "qty", "数量"],
        [CanonicalField.UnitPrice] = ["unit price", "unitprice", "price", "单价"],
        [CanonicalField.DueDate] = ["due date", "duedate", "due", "payment due", "payment due date", "到期日", "到期日期", "应付日期", "付款期限"],
        [CanonicalField.PaidDate] = ["paid date", "payment date", "date paid", "paid on", "付款日期", "收款日期", "回款日期", "实际付款日期"],
        [CanonicalField.PaidAmount] = ["amount paid", "paid", "payments", "已付金额", "回款金额", "收款金额", "已收金额"],
        [CanonicalField.CreditLimit] = ["credit limit", "creditlimit", "credit line", "信用额度", "授信额度", "信用限额"],
    };

    private static readonly Dictionary<string, (CanonicalField Field, int Rank)> ByName = Index();

    public static IReadOnlyList<string> Of(CanonicalField field) => Names[field];

    public static CanonicalField? Find(string header) => FindRanked(header)?.Field;

    /// <summary>The field a header names and its alias's rank among the field's aliases (0 = preferred), or null.</summary>
    public static (CanonicalField Field, int Rank)? FindRanked(string header) =>
        ByName.TryGetValue(Normalise(header), out var found) ? found : null;

    /// <summary>Lower case, without spaces, '_', '-', '.', a BOM or full-width spaces: "Customer_ID" = "customer id" = "CustomerId".</summary>
    public static string Normalise(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder(header.Length);
        foreach (var c in Compatible(header))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.' or '\uFEFF')
            {
                continue;
            }

            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The header in compatibility form (full-width letters as ASCII). A header holding what Unicode cannot normalise (half a
    /// surrogate pair, a noncharacter: a broken file) is left as it is; it names no field anyway.
    /// </summary>
    private static string Compatible(string header)
    {
        try
        {
            return header.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return header;
        }
    }

    private static Dictionary<string, (CanonicalField, int)> Index()
    {
        var index = new Dictionary<string, (CanonicalField Field, int Rank)>(StringComparer.Ordinal);
        foreach (var (field, names) in Names)
        {
            for (var rank = 0; rank < names.Length; rank++)
            {
                var key = Normalise(names[rank]);
                if (index.TryGetValue(key, out var other) && other.Field != field)
                {
                    throw new InvalidOperationException($"The alias '{names[rank]}' names both {other.Field} and {field}.");
                }

                index.TryAdd(key, (field, rank));
            }
        }

        return index;
    }
}
