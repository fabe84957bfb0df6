using System.Globalization;

namespace CustomerTiering.Demo;

/// <summary>One generated customer, as a CRM exports it.</summary>
/// <summary>One row of the customer export: owner empty for the few nobody looks after, last contact (yyyy-MM-dd) where the CRM has one, a credit limit for enterprises.</summary>
public sealed record DemoCustomer(string Id, string Name, string Type, string Region, string Channel, string Owner, string LastContact, string CreditLimit = "");

/// <summary>One row of the receivables export: an enterprise's order invoiced, due in 30 days, paid (late or not) or still open.</summary>
public sealed record DemoInvoice(string InvoiceId, string CustomerId, string Date, string DueDate, string Amount, string PaidDate, string PaidAmount);

/// <summary>One generated order line of the order export, in the export's own text (so a bad row can be bad).</summary>
public sealed record DemoOrder(string OrderId, string CustomerId, string Date, string Amount, string Margin, string Category, string Status);

/// <summary>
/// A shop worth grading: a long tail of spend (a few customers carry most revenue), a year-end peak and a Spring
/// Festival dip, returns, customers who stop buying, customers who arrive late, and customers whose spending
/// climbs (next year's rising stars). Individuals and enterprises, with English and Chinese names. Seeded: the
/// same arguments give the same files.
/// </summary>
/// <param name="Customers">The customer export's rows.</param>
/// <param name="Orders">The order export's rows, the bad ones and those without a customer among them.</param>
/// <param name="BadRows">Order rows an ingestion must reject (an impossible date, a note for an amount).</param>
/// <param name="GuestRows">Order rows without a customer id: sales without a customer, counted apart.</param>
/// <param name="Invoices">The receivables export's rows: enterprises are invoiced, and most pay on time.</param>
public sealed record DemoShop(IReadOnlyList<DemoCustomer> Customers, IReadOnlyList<DemoOrder> Orders, int BadRows, int GuestRows, IReadOnlyList<DemoInvoice> Invoices)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛"];
    private static readonly string[] FirstNames = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sophie", "Jack"];
    private static readonly string[] LastNames = ["Smith", "Brown", "Wilson", "Taylor", "Clarke", "Walker", "Wright", "Hughes"];
    private static readonly string[] CompanyWords = ["Harbour", "Summit", "Lotus", "Jade", "Northwind", "Silk Road", "Golden Leaf", "Bamboo"];
    private static readonly string[] CompanySuffixes = ["Trading Ltd", "Tea House", "Hotels", "Foods Co.", "Retail Group"];
    private static readonly string[] ChineseCompanies = ["茶叶有限公司", "贸易有限公司", "餐饮管理有限公司", "酒店集团", "商贸有限公司"];
    private static readonly string[] Cities = ["杭州", "上海", "北京", "广州", "成都", "福州", "南京", "深圳"];
    private static readonly string[] Regions = ["East", "North", "South", "West", "Central"];
    private static readonly string[] Channels = ["Web", "Retail", "Wholesale", "Marketplace"];
    private static readonly string[] Owners = ["Li Na", "Wang Wei", "Zhang Min", "Chen Jie", "Emma Hughes", "Jack Walker"];
    private static readonly string[] Categories = ["Green tea", "Oolong", "Pu'er", "Black tea", "Teaware", "Gift sets"];

    public static DemoShop Generate(int customers, DateOnly asOf, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 10);
        var random = new Random(seed);
        var start = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-23);
        var people = new List<DemoCustomer>(customers);
        var orders = new List<DemoOrder>();
        for (var c = 0; c < customers; c++)
        {
            var enterprise = random.NextDouble() < 0.3;
            var chinese = random.NextDouble() < 0.6;
            people.Add(new DemoCustomer(
                string.Create(CultureInfo.InvariantCulture, $"CUST-{c + 1:00000}"),
                Name(random, enterprise, chinese),
                enterprise ? "Enterprise" : "Individual",
                Regions[random.Next(Regions.Length)],
                Channels[random.Next(Channels.Length)],
                random.NextDouble() < 0.08 ? "" : Owners[random.Next(Owners.Length)],
                random.NextDouble() < 0.7 ? asOf.AddDays(-random.Next(0, 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""));

            // Spend is log-normal: most customers buy a little, a few buy a great deal; enterprises more and more often.
            var basket = Math.Exp(3.5 + (1.1 * Gaussian(random))) * (enterprise ? 4 : 1);
            var perMonth = Math.Max(0.05, Math.Exp(-1.2 + (0.9 * Gaussian(random))) * (enterprise ? 2.5 : 1));
            var story = random.NextDouble();
            var firstMonth = story < 0.15 ? random.Next(14, 24) : random.Next(0, 6);         // 15% arrive in the last ten months
            var lastMonth = story is >= 0.15 and < 0.30 ? random.Next(firstMonth, 16) : 23;    // 15% stop buying
            var climbing = story is >= 0.30 and < 0.40;                                        // 10% spend more and more
            var n = 0;
            for (var month = firstMonth; month <= lastMonth; month++)
            {
                var monthStart = start.AddMonths(month);
                var season = monthStart.Month switch { 11 or 12 => 1.6, 2 => 0.6, 6 => 1.2, _ => 1.0 };
                var growth = climbing ? Math.Pow(1.12, Math.Max(0, month - 12)) : 1.0;
                var count = Poisson(random, perMonth * season * growth);
                for (var k = 0; k < count; k++)
                {
                    var date = monthStart.AddDays(random.Next(DateTime.DaysInMonth(monthStart.Year, monthStart.Month)));
                    if (date > asOf)
                    {
                        continue;
                    }

                    var amount = Math.Round((decimal)(basket * (0.6 + (0.8 * random.NextDouble())) * growth), 2);
                    var id = string.Create(CultureInfo.InvariantCulture, $"SO-{people[^1].Id[5..]}-{++n:000}");
                    var returned = random.NextDouble() < 0.03;
                    orders.Add(new DemoOrder(id, people[^1].Id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        amount.ToString("0.00", CultureInfo.InvariantCulture), (amount * 0.35m).ToString("0.00", CultureInfo.InvariantCulture),
                        Categories[random.Next(Categories.Length)], "completed"));
                    if (returned)
                    {
                        // A return a few days later: its own credit note, which the ingestion counts negative.
                        orders.Add(new DemoOrder(id + "-R", people[^1].Id, date.AddDays(random.Next(1, 10)) is var back && back <= asOf
                                ? back.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            amount.ToString("0.00", CultureInfo.InvariantCulture), "0.00", orders[^1].Category, "return"));
                    }
                }
            }
        }

        var (invoices, limits) = Invoiced(people, orders, asOf, seed);
        people = [.. people.Select(p => limits.TryGetValue(p.Id, out var limit) ? p with { CreditLimit = limit } : p)];

        // A few rows as real exports have them, for the report to show: under 1%, so the file is still taken.
        var bad = Math.Max(3, orders.Count / 400);
        for (var b = 0; b < bad; b++)
        {
            var victim = orders[random.Next(orders.Count)];
            orders.Add((b % 3) switch
            {
                0 => victim with { OrderId = $"{victim.OrderId}-X{b}", Date = "31/02/2026" },
                1 => victim with { OrderId = $"{victim.OrderId}-Y{b}", Amount = "about 300" },
                _ => victim with { OrderId = $"{victim.OrderId}-Z{b}", CustomerId = "" },
            });
        }

        orders.Sort((a, b) => string.CompareOrdinal(a.Date, b.Date));
        var guests = bad / 3;
        return new DemoShop(people, orders, bad - guests, guests, invoices);
    }

    /// <summary>
    /// Enterprises' orders invoiced, due in 30 days. Each enterprise pays in its own way: most on time, some often a
    /// little late, a few mostly very late or not at all (their recent invoices still open). Credit limits are a third of the last
    /// year's spend (at least 1 000). Drawn from a random of their own, so the customers and orders stay those of the seed.
    /// </summary>
    private static (List<DemoInvoice> Invoices, Dictionary<string, string> Limits) Invoiced(List<DemoCustomer> people, List<DemoOrder> orders, DateOnly asOf, int seed)
    {
        var random = new Random(seed ^ 0x1a2b3c);
        var enterprises = people.Where(p => p.Type == "Enterprise").Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var lateness = enterprises.ToDictionary(id => id, _ => random.NextDouble() switch
        {
            < 0.70 => (LateChance: 0.03, Min: 1, Max: 5, Unpaid: 0.0),
            < 0.90 => (LateChance: 0.35, Min: 3, Max: 25, Unpaid: 0.02),
            < 0.97 => (LateChance: 0.7, Min: 20, Max: 80, Unpaid: 0.15),
            _ => (LateChance: 0.9, Min: 60, Max: 150, Unpaid: 0.6),
        }, StringComparer.Ordinal);
        var invoices = new List<DemoInvoice>();
        var spend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var order in orders.Where(o => enterprises.Contains(o.CustomerId) && o.Status == "completed"))
        {
            var date = DateOnly.ParseExact(order.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var due = date.AddDays(30);
            var (lateChance, min, max, unpaid) = lateness[order.CustomerId];
            var paid = random.NextDouble() < lateChance ? due.AddDays(random.Next(min, max + 1)) : due.AddDays(-random.Next(0, 8));
            var open = paid > asOf || random.NextDouble() < unpaid;
            invoices.Add(new DemoInvoice("INV-" + order.OrderId[3..], order.CustomerId, order.Date, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), order.Amount,
                open ? "" : (paid < date ? date : paid).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), open ? "" : order.Amount));
            if (date > asOf.AddMonths(-12))
            {
                spend[order.CustomerId] = spend.GetValueOrDefault(order.CustomerId) + decimal.Parse(order.Amount, CultureInfo.InvariantCulture);
            }
        }

        var limits = enterprises.ToDictionary(id => id, id => (Math.Max(1, Math.Ceiling(spend.GetValueOrDefault(id) / 3 / 1000)) * 1000).ToString("0", CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        return (invoices, limits);
    }

    private static string Name(Random random, bool enterprise, bool chinese) => (enterprise, chinese) switch
    {
        (false, true) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.NextDouble() < 0.5 ? Given[random.Next(Given.Length)] : ""),
        (false, false) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
        (true, true) => Cities[random.Next(Cities.Length)] + Surnames[random.Next(Surnames.Length)] + "氏" + ChineseCompanies[random.Next(ChineseCompanies.Length)],
        (true, false) => $"{CompanyWords[random.Next(CompanyWords.Length)]} {CompanySuffixes[random.Next(CompanySuffixes.Length)]}",
    };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            count++;
        }

        return count;
    }
}
