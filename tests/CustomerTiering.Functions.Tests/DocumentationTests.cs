using System.Text.RegularExpressions;
using CustomerTiering.Testing;
using Xunit;

namespace CustomerTiering.Functions.Tests;

/// <summary>The README and docs/: every relative link resolves (file and heading), and every page is one click from the README.</summary>
public sealed partial class DocumentationTests
{
    private static readonly string DocsFolder = Path.Combine(RepositoryPaths.Root, "docs");

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(DocsFolder, "*.md").Prepend(Path.Combine(RepositoryPaths.Root, "README.md")))
        {
            pages.Add(Path.GetRelativePath(RepositoryPaths.Root, page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_heading(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, page);
        var links = RelativeLinks(File.ReadAllText(path)).ToList();

        Assert.All(links, link =>
        {
            var (file, anchor) = Split(link);
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            Assert.True(File.Exists(target) || Directory.Exists(target), $"{page}: '{link}' points at nothing");
            if (anchor.Length > 0)
            {
                Assert.True(target.EndsWith(".md", StringComparison.Ordinal), $"{page}: '{link}' has an anchor into a file that is not markdown");
                Assert.Contains(anchor, Headings(File.ReadAllText(target)));
            }
        });
    }

    [Fact]
    public void Every_page_of_docs_is_linked_from_the_readme()
    {
        var linked = RelativeLinks(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")))
            .Select(link => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Split(link).File)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.GetFiles(DocsFolder, "*.md"), page => Assert.Contains(Path.GetFullPath(page), linked));
    }

    [Fact]
    public void A_link_to_a_missing_file_or_heading_is_caught()
    {
        var text = "See [a](docs/nowhere.md), [b](#gone) and `[c](in-code.md)`.\n```\n[d](fenced.md)\n```\n# Here it is\n";

        Assert.Equal(["docs/nowhere.md", "#gone"], RelativeLinks(text));
        Assert.Equal(["here-it-is"], Headings(text));
    }

    private static (string File, string Anchor) Split(string link) =>
        link.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, "");

    /// <summary>Link targets outside code, other than web and mail addresses.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        Link().Matches(WithoutCode(markdown))
            .Select(m => m.Groups[1].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>Heading anchors as GitHub makes them: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static List<string> Headings(string markdown) =>
        [.. Heading().Matches(WithoutCode(markdown)).Select(m => Slug(m.Groups[1].Value.Trim()))];

    private static string Slug(string heading) =>
        new string([.. heading.ToLowerInvariant().Replace("`", "", StringComparison.Ordinal)
            .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')]).Replace(' ', '-');

    private static string WithoutCode(string markdown) => InlineCode().Replace(Fence().Replace(markdown, ""), "");

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} +(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex("`[^`\n]*`")]
    private static partial Regex InlineCode();
}
