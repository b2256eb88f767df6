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

    [Fact]
    public void Every_template_renders_with_strict_variables_against_the_models_the_build_makes()
    {
        // The evidence site: the test site with catalog sources, corrections and pages of the site, so that every
        // template has a page to draw.
        var input = EvidenceSite.Write(Path.Combine(_folder, "input"));
        var read = ReadState.ReadAll(input);
        Assert.DoesNotContain(read.Check(), d => d.IsError);
        var index = new ArchiveIndex(read.Archive);
        var theme = new Theme(RepoPaths.Theme, strictVariables: true);
        var site = SiteView.Of(index.Site);
        var pages = SiteWriter.Outputs(index).Pages;

        var failures = new List<string>();
        foreach (var page in pages)
        {
            try { theme.Render(page.Template, page.Model(), site); }
            catch (Fluid.FluidException e) { failures.Add($"{page.UrlPath} ({page.Template}.liquid): {e.Message}"); }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var templates = Directory.GetFiles(theme.TemplatesDirectory, "*.liquid").Select(Path.GetFileNameWithoutExtension).Where(t => t != "layout");
        Assert.Empty(templates.Except(pages.Select(p => p.Template)));
    }

    [Theory]
    [InlineData("page.no_such_key", "no_such_key")] // a member no page model has
    [InlineData("site.urls.no_such_page", "no_such_page")] // one the site's links lack
    [InlineData("page.latest.first.titel", "titel")] // a misspelt member of a view
    [InlineData("pgae.title", "pgae")] // a variable never set
    public void A_name_no_model_has_fails_with_strict_variables_and_renders_empty_without(string expression, string name)
    {
        var themeDir = Path.Combine(_folder, "theme");
        TempFolder.Copy(RepoPaths.Theme, themeDir);
        var home = Path.Combine(themeDir, "templates", "home.liquid");
        File.WriteAllText(home, $"<p id=\"probe\">{{{{ {expression} }}}}</p>\n" + File.ReadAllText(home));
        var index = new ArchiveIndex(ReadState.ReadAll(RepoPaths.TestSite).Archive);
        var page = SiteWriter.Outputs(index).Pages.Single(p => p.UrlPath == "/");
        var site = SiteView.Of(index.Site);

        var e = Assert.Throws<Fluid.FluidException>(() => new Theme(themeDir, strictVariables: true).Render(page.Template, page.Model(), site));
        Assert.Contains($"'{name}'", e.Message);
        var lenient = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(new Theme(themeDir).Render(page.Template, page.Model(), site));
        Assert.Equal("", lenient.GetElementById("probe")!.TextContent);
    }
}
