using Briefings.Model;

namespace Briefings.Tests.Publishing;

[Collection(PublishedSitesCollection.Name)]
public sealed class RedirectTests(PublishedSites sites)
{
    [Theory, MemberData(nameof(PublishedSites.Names), MemberType = typeof(PublishedSites))]
    public void Every_former_id_leads_to_the_current_page(string name)
    {
        var site = sites[name];
        var rules = File.ReadAllLines(Path.Combine(site.OutputDir, "_redirects")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var moved = site.Archive.Documents.SelectMany(d => d.FormerIds.Select(old => (Doc: d, Old: $"/{d.Kind.Folder()}/{old.Id}/"))).ToList();
        foreach (var (doc, old) in moved)
        {
            var page = LinkPreviewTests.Page(site, old);
            var refresh = page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content");
            Assert.Equal($"0; url={doc.Url}", refresh);
            Assert.Equal(site.Absolute(doc.Url), page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector($"main a[href='{doc.Url}']"));
            Assert.True(File.Exists(site.FileOf(doc.Url)), $"{old} redirects to {doc.Url}, which does not exist");
            // Netlify answers with a real 301, for the page and for its feed.
            Assert.Contains($"{old} {doc.Url} 301!", rules);
            Assert.Contains($"{old}feed.xml {doc.Url}feed.xml 301!", rules);
        }
        Assert.Equal(2 * moved.Count, rules.Count);
    }

    [Fact]
    public void The_renamed_person_keeps_both_former_urls()
    {
        var site = sites.Hostile;
        var person = site.Archive.People.Single(p => p.Id == PublishedSites.RenamedPerson);
        Assert.Equal(PublishedSites.FormerIds, person.FormerIds.Select(r => r.Id));
        foreach (var old in PublishedSites.FormerIds)
            Assert.Equal($"0; url={person.Url}", LinkPreviewTests.Page(site, $"/people/{old}/").QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
    }
}
