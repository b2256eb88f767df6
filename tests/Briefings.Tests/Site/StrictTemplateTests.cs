using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>Every template renders with Fluid's strict variables on against the models the build makes, so that a key
/// a template names and no model has (a misspelling, a key renamed on one side) fails here instead of rendering empty.</summary>
public sealed class StrictTemplateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"briefings-strict-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    // Left to do: with "feed", "redirect" (present as null) and agreements' "conflict" added, every page still fails on
    // a name the layout asks for that Fluid's exception does not say (the keys of page the templates name are all
    // there now: the test's own message lists any that is not). Found on 2 December 2026; see the pages branch report.
    [Fact(Skip = "every page still fails on one unnamed name of the layout: to find and fix before this test can guard the templates")]
    public void Every_template_renders_with_strict_variables_against_the_models_the_build_makes()
    {
        // The evidence site: the test site with catalog sources, corrections and pages of the site, so that every
        // template has a page to draw.
        var input = EvidenceSite.Write(Path.Combine(_folder, "input"));
        var read = ReadState.ReadAll(input);
        Assert.DoesNotContain(read.Check(), d => d.IsError);
        var index = new ArchiveIndex(read.Archive);
        var theme = new Theme(RepoPaths.Theme, strictVariables: true);
        var site = SiteWriter.SiteModel(index.Site);
        var pages = SiteWriter.Outputs(index).Pages;

        var failures = new List<string>();
        foreach (var page in pages)
        {
            try { theme.Render(page.Template, page.Model(), site); }
            catch (Fluid.FluidException e) { failures.Add($"{page.UrlPath} ({page.Template}.liquid): {e.Message}{Missing(theme, page)}"); }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var templates = Directory.GetFiles(theme.TemplatesDirectory, "*.liquid").Select(Path.GetFileNameWithoutExtension).Where(t => t != "layout");
        Assert.Empty(templates.Except(pages.Select(p => p.Template)));
    }

    /// <summary>The keys of <c>page</c> the page's template and the layout name that its model lacks: Fluid's exception
    /// names the kind of syntax node, not the name, so the test says it.</summary>
    private static string Missing(Theme theme, PageSpec page)
    {
        var model = page.Model();
        var named = new[] { page.Template, "layout" }
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(theme.TemplatesDirectory, t + ".liquid")), @"\bpage\.([a-z_]+)"))
            .Select(m => m.Groups[1].Value).Distinct().Where(k => !model.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        return named.Count == 0 ? "" : $" (the model has no {string.Join(", ", named)})";
    }

    [Fact]
    public void A_misspelt_key_in_a_template_fails_with_strict_variables_and_renders_empty_without()
    {
        var themeDir = Path.Combine(_folder, "theme");
        TempFolder.Copy(RepoPaths.Theme, themeDir);
        var home = Path.Combine(themeDir, "templates", "home.liquid");
        File.WriteAllText(home, "<p id=\"probe\">{{ page.titel }}</p>\n" + File.ReadAllText(home));
        var index = new ArchiveIndex(ReadState.ReadAll(RepoPaths.TestSite).Archive);
        var page = SiteWriter.Outputs(index).Pages.Single(p => p.UrlPath == "/");
        var site = SiteWriter.SiteModel(index.Site);

        var e = Assert.Throws<Fluid.FluidException>(() => new Theme(themeDir, strictVariables: true).Render(page.Template, page.Model(), site));
        Assert.Contains("titel", Missing(new Theme(themeDir), page));
        var lenient = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(new Theme(themeDir).Render(page.Template, page.Model(), site));
        Assert.Equal("", lenient.GetElementById("probe")!.TextContent);
    }
}
