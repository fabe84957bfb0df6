using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerTiering.Functions.Publishing;
using CustomerTiering.Storage;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>
/// The ARM template infra/main.bicep builds to, against what the app needs: the runtime, every container, queue and
/// table, an identity-based setting for every connection a function or the app names, and the data-plane roles each
/// connection's use asks for, on the resource that connection points at.
/// </summary>
public sealed partial class InfrastructureTests(InfrastructureTests.BuiltTemplate template) : IClassFixture<InfrastructureTests.BuiltTemplate>
{
    // Built-in role ids, as Azure publishes them: the test's own copy, so a wrong id in the template fails.
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string HostConnection = "AzureWebJobsStorage";

    /// <summary>main.bicep built (and linted) by scripts/bicep.sh, once for the class.</summary>
    public sealed class BuiltTemplate : IAsyncLifetime
    {
        private readonly string folder = Directory.CreateTempSubdirectory("arm-").FullName;

        public JsonElement Root { get; private set; }

        public async Task InitializeAsync()
        {
            await RepositoryScript.RunAsync("bicep.sh", folder);
            Root = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "main.json"))).RootElement.Clone();
        }

        public Task DisposeAsync()
        {
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    // The bindings as the worker SDK wrote them at build time.
    private static readonly JsonElement[] Bindings = [.. JsonDocument
        .Parse(File.ReadAllText(Path.Combine(RepositoryPaths.BuildOutput("CustomerTiering.Functions"), "functions.metadata")))
        .RootElement.EnumerateArray().SelectMany(f => f.GetProperty("bindings").EnumerateArray())];

    private IEnumerable<JsonElement> Resources(string type) =>
        template.Root.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == type);

    private JsonElement FunctionApp => Assert.Single(Resources("Microsoft.Web/sites"));

    private Dictionary<string, string> AppSettings => FunctionApp.GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings")
        .EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.Ordinal);

    private string[] Variable(string name) => [.. template.Root.GetProperty("variables").GetProperty(name).EnumerateArray().Select(v => v.GetString()!)];

    [Fact]
    public void The_app_runs_as_a_dotnet_isolated_worker_of_the_projects_dotnet_version_on_flex_consumption()
    {
        var runtime = FunctionApp.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        var project = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var framework = FrameworkVersion().Match(project).Groups[1].Value;

        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal(framework, runtime.GetProperty("version").GetString());
        Assert.Equal("FlexConsumption", Assert.Single(Resources("Microsoft.Web/serverfarms")).GetProperty("sku").GetProperty("tier").GetString());
        // Flex Consumption refuses these as app settings: the runtime block carries them.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", AppSettings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", AppSettings.Keys);
    }

    [Fact]
    public void Every_container_queue_and_table_of_the_app_is_provisioned()
    {
        Assert.Equal(StorageNames.Containers.Order(), Variable("containers").Order());
        Assert.Equal(StorageNames.Queues.Order(), Variable("queues").Order());
        Assert.Equal(StorageNames.Tables.Order(), Variable("tables").Order());
    }

    [Fact]
    public void Every_setting_a_binding_names_is_an_app_setting()
    {
        var settings = Bindings.SelectMany(b => SettingReference().Matches(b.GetRawText()).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.Contains(s, AppSettings.Keys));
        Assert.Contains(TierChangePublishing.TopicSetting, AppSettings.Keys);
    }

    [Fact]
    public void Every_connection_is_identity_based_with_no_key_anywhere()
    {
        foreach (var connection in RequiredRoles().Keys)
        {
            Assert.Equal("managedidentity", AppSettings[$"{connection}__credential"]);
            Assert.Contains("variables('names').identity", AppSettings[$"{connection}__clientId"], StringComparison.Ordinal);
            Assert.DoesNotContain(connection, AppSettings.Keys);
        }

        Assert.Contains("TieringStorage__blobServiceUri", AppSettings.Keys);
        Assert.Contains("TieringStorage__queueServiceUri", AppSettings.Keys);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", AppSettings.Keys);
        var text = template.Root.GetRawText();
        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_connection_has_the_roles_its_use_needs_on_the_resource_it_points_at()
    {
        foreach (var (connection, roles) in RequiredRoles())
        {
            var target = ResourceNamed(AppSettings.Where(s => s.Key.StartsWith(connection + "__", StringComparison.Ordinal)
                && (s.Key.EndsWith("ServiceUri", StringComparison.Ordinal) || s.Key.EndsWith("__accountName", StringComparison.Ordinal)
                    || s.Key.EndsWith("__fullyQualifiedNamespace", StringComparison.Ordinal))));
            var identity = ResourceNamed(AppSettings.Where(s => s.Key == $"{connection}__clientId"));
            var granted = Resources("Microsoft.Authorization/roleAssignments")
                .Where(a => ResourceNamed(a.GetProperty("scope").GetString()!) == target
                    && a.GetProperty("properties").GetProperty("principalId").GetString()!.Contains($"variables('names').{identity}", StringComparison.Ordinal))
                .Select(a => RoleId(a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!))
                .ToHashSet(StringComparer.Ordinal);

            Assert.All(roles, role => Assert.True(granted.Contains(role), $"{connection} ({target}) lacks role {role}; it has {string.Join(", ", granted)}"));
        }
    }

    [Fact]
    public void The_tier_changes_topic_drops_a_relayed_event_sent_twice()
    {
        var topic = Assert.Single(Resources("Microsoft.ServiceBus/namespaces/topics"));

        Assert.True(topic.GetProperty("properties").GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.Equal("[variables('tierChangesTopic')]", AppSettings[TierChangePublishing.TopicSetting]);
        Assert.EndsWith("variables('tierChangesTopic'))]", topic.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Callers_and_the_dashboard_sign_in_with_the_apis_registration_in_the_tenant()
    {
        Assert.Equal("[parameters('apiClientId')]", AppSettings["Authentication__Audience"]);
        Assert.Equal("[parameters('apiClientId')]", AppSettings["Dashboard__ClientId"]);
        Assert.Contains("parameters('tenantId')", AppSettings["Authentication__Authority"], StringComparison.Ordinal);
        Assert.Contains("parameters('tenantId')", AppSettings["Dashboard__Authority"], StringComparison.Ordinal);
        Assert.Equal("[format('api://{0}/access_as_user', parameters('apiClientId'))]", AppSettings["Dashboard__Scope"]);
    }

    [Fact]
    public void The_workers_telemetry_goes_to_application_insights_as_the_managed_identity_and_the_hosts_logs_to_log_analytics()
    {
        var insights = Assert.Single(Resources("Microsoft.Insights/components"));
        var publisher = Resources("Microsoft.Authorization/roleAssignments").Where(a =>
            ResourceNamed(a.GetProperty("scope").GetString()!) == "insights"
            && a.GetProperty("properties").GetProperty("principalId").GetString()!.Contains("variables('names').identity", StringComparison.Ordinal));
        var hostLogs = Assert.Single(Resources("Microsoft.Insights/diagnosticSettings"), d => ResourceNamed(d.GetProperty("scope").GetString()!) == "functionApp");

        Assert.True(insights.GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("variables('names').insights", AppSettings[Telemetry.ConnectionStringSetting], StringComparison.Ordinal);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", AppSettings[Telemetry.AuthenticationSetting], StringComparison.Ordinal);
        Assert.Contains("variables('names').identity", AppSettings[Telemetry.AuthenticationSetting], StringComparison.Ordinal);
        Assert.Contains(MonitoringMetricsPublisher, publisher.Select(a => RoleId(a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!)));
        // The host exports its request telemetry, URLs with customer ids and owner names, only when given this setting.
        Assert.DoesNotContain("APPLICATIONINSIGHTS_CONNECTION_STRING", AppSettings.Keys);
        Assert.Contains("variables('names').logs", hostLogs.GetProperty("properties").GetProperty("workspaceId").GetString(), StringComparison.Ordinal);
        Assert.Equal(["FunctionAppLogs"], hostLogs.GetProperty("properties").GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("category").GetString()));
    }

    [Fact]
    public void Exports_and_ingestion_reports_expire_by_age_and_the_app_sweeps_the_rest_with_the_same_settings()
    {
        var policy = Assert.Single(Resources("Microsoft.Storage/storageAccounts/managementPolicies"));
        var deleteAfter = policy.GetProperty("properties").GetProperty("policy").GetProperty("rules").EnumerateArray()
            .Where(r => r.GetProperty("definition").GetProperty("actions").TryGetProperty("baseBlob", out _)).ToDictionary(
            r => Assert.Single(r.GetProperty("definition").GetProperty("filters").GetProperty("prefixMatch").EnumerateArray()).GetString()!,
            r => r.GetProperty("definition").GetProperty("actions").GetProperty("baseBlob").GetProperty("delete").GetProperty("daysAfterModificationGreaterThan").GetString());
        var defaults = new Retention.RetentionOptions();

        Assert.Contains("variables('names').dataStorage", policy.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('exportRetentionDays')]", deleteAfter[$"{StorageNames.ExportsContainer}/"]);
        Assert.Equal("[parameters('reportRetentionDays')]", deleteAfter[$"{StorageNames.ReportsContainer}/{Storage.Ingestion.ReportStore.ReportPath("")[..7]}"]);
        Assert.Equal("[string(parameters('reportRetentionDays'))]", AppSettings["Retention__ReportDays"]);
        Assert.Equal("[string(parameters('runRetentionDays'))]", AppSettings["Retention__RunDays"]);
        Assert.Equal("[string(parameters('gradeHistoryMonths'))]", AppSettings["Retention__GradeHistoryMonths"]);
        Assert.Equal(
            [defaults.ReportDays, defaults.RunDays, defaults.GradeHistoryMonths],
            new[] { "reportRetentionDays", "runRetentionDays", "gradeHistoryMonths" }.Select(p => template.Root.GetProperty("parameters").GetProperty(p).GetProperty("defaultValue").GetInt32()));
    }

    [Fact]
    public void Publishing_with_the_sites_basic_auth_credentials_is_refused_for_ftp_and_the_scm_site()
    {
        var policies = Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => LastName().Match(p.GetProperty("name").GetString()!).Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.All(policies, p => Assert.Contains("variables('names').functionApp", p.GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void Data_blobs_deleted_or_overwritten_can_be_restored_for_the_days_the_parameters_say_and_no_longer()
    {
        var blobs = Assert.Single(Resources("Microsoft.Storage/storageAccounts/blobServices"), b => ResourceNamed(b.GetProperty("name").GetString()!) == "dataStorage")
            .GetProperty("properties");
        var versions = Assert.Single(
            Assert.Single(Resources("Microsoft.Storage/storageAccounts/managementPolicies")).GetProperty("properties").GetProperty("policy").GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("definition").GetProperty("actions").TryGetProperty("version", out _)).GetProperty("definition");

        Assert.True(blobs.GetProperty("isVersioningEnabled").GetBoolean());
        foreach (var policy in new[] { "deleteRetentionPolicy", "containerDeleteRetentionPolicy" })
        {
            Assert.True(blobs.GetProperty(policy).GetProperty("enabled").GetBoolean());
            Assert.Equal("[parameters('blobSoftDeleteDays')]", blobs.GetProperty(policy).GetProperty("days").GetString());
        }

        // Every container's versions: the rule has no prefix.
        Assert.False(versions.GetProperty("filters").TryGetProperty("prefixMatch", out _));
        Assert.Equal("[parameters('blobVersionDays')]", versions.GetProperty("actions").GetProperty("version").GetProperty("delete").GetProperty("daysAfterCreationGreaterThan").GetString());
    }

    [Fact]
    public void Storage_service_bus_and_the_host_send_logs_and_metrics_to_the_workspace_and_no_table_or_queue_request_log()
    {
        var settings = Resources("Microsoft.Insights/diagnosticSettings").ToDictionary(
            d => ScopeOf(d.GetProperty("scope").GetString()!), d => d.GetProperty("properties"), StringComparer.Ordinal);
        string[] Logs(string scope) => settings[scope].TryGetProperty("logs", out var logs)
            ? [.. logs.EnumerateArray().Select(l => l.TryGetProperty("category", out var c) ? c.GetString()! : l.GetProperty("categoryGroup").GetString()!)]
            : [];

        Assert.Equal(["blobServices", "functionApp", "queueServices", "serviceBus", "tableServices"], settings.Keys.Order(StringComparer.Ordinal));
        Assert.All(settings.Values, s => Assert.Contains("variables('names').logs", s.GetProperty("workspaceId").GetString(), StringComparison.Ordinal));
        Assert.Equal(["StorageWrite", "StorageDelete"], Logs("blobServices"));
        Assert.Equal(["allLogs"], Logs("serviceBus"));
        // A table or queue request's URL holds table keys, customer ids: their metrics only.
        Assert.Empty(Logs("tableServices"));
        Assert.Empty(Logs("queueServices"));
    }

    [Fact]
    public void With_private_networking_storage_and_service_bus_are_closed_to_public_networks_and_reached_through_private_endpoints()
    {
        const string Private = "parameters('privateNetworking')";
        var parameter = template.Root.GetProperty("parameters").GetProperty("privateNetworking");
        Assert.Equal(("bool", false), (parameter.GetProperty("type").GetString(), parameter.GetProperty("defaultValue").GetBoolean()));
        var variables = template.Root.GetProperty("variables");

        // Both accounts refuse public networks (but the IP ranges let in, if any), Service Bus too, on Premium.
        Assert.All(Resources("Microsoft.Storage/storageAccounts"), account =>
        {
            Assert.Equal("[variables('storagePublicAccess')]", account.GetProperty("properties").GetProperty("publicNetworkAccess").GetString());
            Assert.Equal("[variables('storageNetworkRules')]", account.GetProperty("properties").GetProperty("networkAcls").GetString());
        });
        Assert.Equal($"[if(and({Private}, empty(parameters('storageAllowedIpRanges'))), 'Disabled', 'Enabled')]", variables.GetProperty("storagePublicAccess").GetString());
        Assert.Equal($"[if({Private}, 'Deny', 'Allow')]", variables.GetProperty("storageNetworkRules").GetProperty("defaultAction").GetString());
        var serviceBus = Assert.Single(Resources("Microsoft.ServiceBus/namespaces"));
        Assert.Equal($"[if({Private}, 'Disabled', 'Enabled')]", serviceBus.GetProperty("properties").GetProperty("publicNetworkAccess").GetString());
        Assert.StartsWith($"[if({Private}, createObject('name', 'Premium'", serviceBus.GetProperty("sku").GetString(), StringComparison.Ordinal);

        // The app joins the network through its delegated subnet.
        Assert.Equal($"[if({Private}, resourceId('Microsoft.Network/virtualNetworks/subnets', variables('names').vnet, 'app'), null())]",
            FunctionApp.GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString());
        var network = Assert.Single(Resources("Microsoft.Network/virtualNetworks"));
        var appSubnet = Assert.Single(network.GetProperty("properties").GetProperty("subnets").EnumerateArray(), n => n.GetProperty("name").GetString() == "app");
        Assert.Equal("Microsoft.App/environments", Assert.Single(appSubnet.GetProperty("properties").GetProperty("delegations").EnumerateArray()).GetProperty("properties").GetProperty("serviceName").GetString());

        // An endpoint for every service the app and its host call, each in the DNS zone of its kind, every zone linked to the network.
        var zones = variables.GetProperty("privateZones").EnumerateArray().Select(z => z.GetString()!).ToArray();
        var endpoints = variables.GetProperty("privateEndpoints").EnumerateArray()
            .Select(e => (Target: ResourceNamed(e.GetProperty("target").GetString()!), Group: e.GetProperty("group").GetString()!, Zone: zones[e.GetProperty("zone").GetInt32()]))
            .ToList();
        Assert.Equal(
            ["dataStorage blob", "dataStorage queue", "dataStorage table", "runtimeStorage blob", "runtimeStorage queue", "runtimeStorage table", "serviceBus namespace"],
            endpoints.Select(e => $"{e.Target} {e.Group}").Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.StartsWith(e.Group == "namespace" ? "privatelink.servicebus." : $"[format('privatelink.{e.Group}.", e.Zone, StringComparison.Ordinal));
        foreach (var type in new[] { "Microsoft.Network/privateEndpoints", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "Microsoft.Network/privateDnsZones", "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "Microsoft.Network/virtualNetworks" })
        {
            Assert.Equal($"[{Private}]", Assert.Single(Resources(type)).GetProperty("condition").GetString());
        }

        Assert.Equal("[length(variables('privateZones'))]", Assert.Single(Resources("Microsoft.Network/privateDnsZones/virtualNetworkLinks")).GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(variables('privateEndpoints'))]", Assert.Single(Resources("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")).GetProperty("copy").GetProperty("count").GetString());
    }

    /// <summary>What a diagnostic setting's scope names: a storage service of the data account, or a resource of the template.</summary>
    private static string ScopeOf(string expression) => StorageService().Match(expression) is { Success: true } service && expression.Contains("variables('names').dataStorage", StringComparison.Ordinal)
        ? service.Groups[1].Value
        : ResourceNamed(expression);

    /// <summary>The connections of the app, each with the role ids its use needs (Functions' identity-connection tables).</summary>
    private static Dictionary<string, HashSet<string>> RequiredRoles()
    {
        var required = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            // The host: deployment package, keys, timer and singleton leases.
            [HostConnection] = [BlobDataOwner, QueueDataContributor],
            // The app's own use of its data account: reports, snapshots, runs (blobs) and its tables.
            [StorageNames.DataConnection] = [TableDataContributor],
            [TierChangePublishing.ConnectionName] = [ServiceBusDataSender],
        };
        foreach (var binding in Bindings.Where(b => b.TryGetProperty("connection", out _)))
        {
            var roles = required.TryGetValue(binding.GetProperty("connection").GetString()!, out var known) ? known : [];
            required[binding.GetProperty("connection").GetString()!] = roles;
            switch (binding.GetProperty("type").GetString())
            {
                case "blobTrigger":
                    roles.UnionWith([BlobDataOwner, QueueDataContributor]);
                    break;
                case "queueTrigger":
                    roles.Add(QueueDataContributor);
                    break;
                default:
                    Assert.Fail($"No role table for binding type {binding.GetProperty("type").GetString()}");
                    break;
            }
        }

        return required;
    }

    private static string ResourceNamed(IEnumerable<KeyValuePair<string, string>> settings) =>
        Assert.Single(settings.Select(s => ResourceNamed(s.Value)).Distinct());

    private static string ResourceNamed(string expression) => NamesVariable().Match(expression) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException($"'{expression}' names no resource of the template.");

    private string RoleId(string expression) =>
        template.Root.GetProperty("variables").GetProperty("roles").GetProperty(RolesVariable().Match(expression).Groups[1].Value).GetString()!;

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@"variables\('names'\)\.(\w+)")]
    private static partial Regex NamesVariable();

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RolesVariable();

    [GeneratedRegex(@"'(\w+)'\)\]$")]
    private static partial Regex LastName();

    [GeneratedRegex(@"storageAccounts/(blobServices|tableServices|queueServices)")]
    private static partial Regex StorageService();

    [GeneratedRegex(@"<TargetFramework>net(\d+\.\d+)</TargetFramework>")]
    private static partial Regex FrameworkVersion();
}
