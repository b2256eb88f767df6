using Briefings.Rendering;
using Briefings.Site;
using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>theme/ arrives by pull request like content: a link among its assets or templates must not publish a
/// file from the build machine, copied as an asset or rendered into pages through a template.</summary>
public sealed class ThemeLinkTests
{
    [Theory]
    [InlineData("assets/leak.txt")]
    [InlineData("templates/partials/leak.liquid")]
    public void A_linked_theme_file_stops_the_build_and_nothing_is_written(string linked)
    {
        var root = Directory.CreateTempSubdirectory("briefings-theme-link-").FullName;
        try
        {
            var theme = Path.Combine(root, "theme");
            CopyDirectory(RepoPaths.Theme, theme);
            var secret = Path.Combine(root, "secret.txt");
            File.WriteAllText(secret, "not for publishing");
            File.CreateSymbolicLink(Path.Combine(theme, linked), secret);
            var output = Path.Combine(root, "output");

            var e = Assert.Throws<ThemeException>(() =>
                SiteBuilder.Build(new SiteBuilder.Options(RepoPaths.TestSite, output, ThemeDir: theme, Search: false)));

            Assert.Contains($"{Path.GetFileName(linked)} is a link", e.Message);
            Assert.False(Directory.Exists(output));
            Assert.Empty(Directory.GetDirectories(root, ".output-staging-*"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            if (!dir.Contains("node_modules")) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            if (!file.Contains("node_modules")) File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
