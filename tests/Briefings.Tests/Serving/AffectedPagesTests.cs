using Briefings.Model;
using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Serving;
using Briefings.Site;
using Briefings.Writing;

namespace Briefings.Tests.Serving;

/// <summary>The function from (archive before, archive after) to the pages to rebuild, judged against the truth:
/// two full builds of the test site, before and after an edit. Every output that differs must be among the
/// affected ones (else serve would show a stale page), and small edits must not rebuild everything.</summary>
public sealed class AffectedPagesTests
{
    public static TheoryData<string> Edits => new()
    {
        "briefing title", "briefing body", "briefing tag added", "briefing removed", "briefing added",
        "briefing moved to another year", "person renamed", "person body", "institution moves country",
        "agreement status", "country renamed", "briefing corrected", "catalog source added and cited",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_output_that_differs_after_an_edit_is_affected(string edit)
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        Assert.DoesNotContain(before.Check(), d => d.IsError);
        var beforeIndex = new ArchiveIndex(before.Archive);
        var theme = new Theme(archive.Theme);
        var beforeSite = Build(beforeIndex, theme);

        var changed = Apply(edit, archive, beforeIndex);
        var after = ArchiveUpdater.Update(before, archive.Input, changed);
        Assert.DoesNotContain(after.Check(), d => d.IsError);
        var afterIndex = new ArchiveIndex(after.Archive);
        var afterSite = Build(afterIndex, theme);

        var (beforeGraph, afterGraph) = (new SiteGraph(beforeIndex), new SiteGraph(afterIndex));
        var affected = AffectedPages.Between(beforeIndex, beforeGraph, afterIndex, afterGraph);
        Assert.NotNull(affected);
        // Pages and feeds; the files about the whole archive are written again after every edit (LiveSiteTests).
        var differing = beforeSite.Keys.Union(afterSite.Keys)
            .Where(url => beforeGraph.Urls.Contains(url) || afterGraph.Urls.Contains(url))
            .Where(url => beforeSite.GetValueOrDefault(url) != afterSite.GetValueOrDefault(url)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(differing);
        Assert.Empty(differing.Except(affected));
        // Renaming the country of nearly every briefing does change nearly every page, and so, in the test site of
        // three briefings, does removing one (27 of its 63 outputs differ); the rest must stay small.
        if (edit is not ("country renamed" or "briefing removed"))
            Assert.True(affected.Count < afterSite.Count / 2,
                $"{affected.Count} of {afterSite.Count} outputs affected, {differing.Count} differ: an edit this small should not rebuild half the site");
    }

    /// <summary>Edits to an archive whose lists are split (250 generated briefings): a briefing that moves to another
    /// page of a list shifts the items of every page between, though none of them changed.</summary>
    public static TheoryData<string> PagedEdits => new() { "briefing moved to a later page", "briefing added", "briefing removed" };

    [Theory]
    [MemberData(nameof(PagedEdits))]
    public void Every_page_of_a_split_list_that_differs_after_an_edit_is_affected(string edit)
    {
        using var archive = new TempArchive(250);
        var before = ReadState.ReadAll(archive.Input);
        var beforeIndex = new ArchiveIndex(before.Archive);
        Assert.True(beforeIndex.Briefings.Count > 2 * Pagination.Briefings);
        var theme = new Theme(archive.Theme);
        var beforeSite = Build(beforeIndex, theme);

        var changed = edit == "briefing moved to a later page" ? MoveToLaterPage(archive, beforeIndex) : Apply(edit, archive, beforeIndex);
        var after = ArchiveUpdater.Update(before, archive.Input, changed);
        Assert.DoesNotContain(after.Check(), d => d.IsError);
        var afterIndex = new ArchiveIndex(after.Archive);
        var afterSite = Build(afterIndex, theme);

        var (beforeGraph, afterGraph) = (new SiteGraph(beforeIndex), new SiteGraph(afterIndex));
        var affected = AffectedPages.Between(beforeIndex, beforeGraph, afterIndex, afterGraph)!;
        var differing = beforeSite.Keys.Union(afterSite.Keys)
            .Where(url => beforeGraph.Urls.Contains(url) || afterGraph.Urls.Contains(url))
            .Where(url => beforeSite.GetValueOrDefault(url) != afterSite.GetValueOrDefault(url)).Order(StringComparer.Ordinal).ToList();
        // The edit does move items between the pages of the list of all briefings.
        Assert.Contains("/briefings/page/2/", differing);
        Assert.Empty(differing.Except(affected));
        Assert.True(affected.Count < afterSite.Count / 2, $"{affected.Count} of {afterSite.Count} outputs affected, {differing.Count} differ");
    }

    /// <summary>Gives a briefing of the first page of /briefings/ the date of one on the second, moving its file to
    /// that year's folder.</summary>
    private static string[] MoveToLaterPage(TempArchive archive, ArchiveIndex index)
    {
        var moving = index.Briefings[Pagination.Briefings / 2];
        var target = index.Briefings[Pagination.Briefings * 3 / 2];
        Assert.True(moving.Updated is not { } updated || updated.CompareTo(target.Date) >= 0);
        var file = Relative(archive, moving);
        archive.ReplaceLine(file, "date:", $"date: {target.Date}");
        var moved = $"briefings/{target.Date.Year}/{moving.Id}.md";
        if (moved == file) return [archive.PathOf(file)];
        Directory.CreateDirectory(Path.GetDirectoryName(archive.PathOf(moved))!);
        File.Move(archive.PathOf(file), archive.PathOf(moved));
        return [archive.PathOf(file), archive.PathOf(moved)];
    }

    [Fact]
    public void A_change_to_body_prose_affects_only_its_own_page_and_the_feeds_that_carry_it()
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var beforeIndex = new ArchiveIndex(before.Archive);
        var b = beforeIndex.Briefings.First(x => x.Actors.Count > 0);
        archive.Edit(Relative(archive, b), t => t + "\nOne more paragraph.\n");
        var after = ArchiveUpdater.Update(before, archive.Input, [archive.PathOf(Relative(archive, b))]);
        var afterIndex = new ArchiveIndex(after.Archive);

        var affected = AffectedPages.Between(beforeIndex, new SiteGraph(beforeIndex), afterIndex, new SiteGraph(afterIndex))!;

        Assert.Contains(b.Url, affected);
        Assert.All(affected.Where(u => u != b.Url), u => Assert.EndsWith("feed.xml", u));
    }

    [Fact]
    public void Changed_site_settings_affect_everything()
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var beforeIndex = new ArchiveIndex(before.Archive);
        archive.ReplaceLine("site.yml", "title:", "title: \"Another title\"");
        var after = ArchiveUpdater.Update(before, archive.Input, [archive.PathOf("site.yml")]);
        var afterIndex = new ArchiveIndex(after.Archive);

        Assert.Null(AffectedPages.Between(beforeIndex, new SiteGraph(beforeIndex), afterIndex, new SiteGraph(afterIndex)));
    }

    [Fact]
    public void Nothing_is_affected_when_the_same_documents_are_read_again()
    {
        using var archive = new TempArchive();
        var before = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);
        var again = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);

        Assert.Empty(AffectedPages.Between(before, new SiteGraph(before), again, new SiteGraph(again))!);
    }

    /// <summary>Makes one kind of edit to the archive; returns the full paths it changed.</summary>
    internal static string[] Apply(string edit, TempArchive archive, ArchiveIndex index)
    {
        var a = index.Archive;
        var briefing = index.Briefings.First(b => b.Actors.Count > 0 && b.Tags.Count > 0 && b.Events.Count > 0);
        var mentioned = a.Documents.SelectMany(d => d.BodyRefs.Mentions).Select(r => r.Id).ToHashSet();
        string file = Relative(archive, briefing);
        switch (edit)
        {
            case "briefing title":
                archive.ReplaceLine(file, "title:", "title: \"A new title for the test\"");
                break;
            case "briefing body":
                archive.Edit(file, t => t + "\nOne more paragraph, with a link to [[" + briefing.Actors[0].Id + "]].\n");
                break;
            case "briefing tag added":
                archive.Edit(file, t => t.Replace("\ntags:\n", "\ntags:\n  - soundness-test\n"));
                break;
            case "briefing removed":
                file = Relative(archive, index.Briefings.First(b => !mentioned.Contains(b.Id)));
                File.Delete(archive.PathOf(file));
                break;
            case "briefing added":
                var copy = file.Replace(".md", "-copy.md");
                File.Copy(archive.PathOf(file), archive.PathOf(copy));
                return [archive.PathOf(copy)];
            case "briefing moved to another year":
            {
                var moving = index.Briefings.First(b => !mentioned.Contains(b.Id) && b.Updated is null);
                file = Relative(archive, moving);
                archive.ReplaceLine(file, "date:", "date: 2001-02-03");
                var moved = $"briefings/2001/{moving.Id}.md";
                Directory.CreateDirectory(Path.GetDirectoryName(archive.PathOf(moved))!);
                File.Move(archive.PathOf(file), archive.PathOf(moved));
                return [archive.PathOf(file), archive.PathOf(moved)];
            }
            case "person renamed":
                file = Relative(archive, a.People.First(p => p.Positions.Count > 0 && index.BriefingsOf(p.Id).Count > 0));
                archive.ReplaceLine(file, "name:", "name: \"Renamed Person\"");
                break;
            case "person body":
                file = Relative(archive, a.People.First(p => index.BriefingsOf(p.Id).Count > 0));
                archive.Edit(file, t => t + "\nOne more paragraph.\n");
                break;
            case "institution moves country":
            {
                var institution = a.Institutions.First(i => index.BriefingsOf(i.Id).Count > 0);
                var other = a.Countries.First(c => c.Id != institution.Country.Id);
                file = Relative(archive, institution);
                archive.ReplaceLine(file, "country:", $"country: {other.Id}");
                break;
            }
            case "agreement status":
            {
                var agreement = a.Agreements.First(x => index.BriefingsOf(x.Id).Count > 0);
                file = Relative(archive, agreement);
                archive.ReplaceLine(file, "status:", $"status: {(agreement.Status == "lapsed" ? "signed" : "lapsed")}");
                break;
            }
            case "briefing corrected":
                archive.Edit(file, t => t.Replace("\ntags:\n", $"\ncorrections:\n  - date: 2030-01-02\n    note: \"A test correction naming [[{briefing.Actors[0].Id}]].\"\ntags:\n"));
                break;
            case "catalog source added and cited":
            {
                const string catalog = "sources/soundness-test-wire.md";
                Directory.CreateDirectory(archive.PathOf("sources"));
                File.WriteAllText(archive.PathOf(catalog),
                    "---\nurl: \"https://wire.example.org/soundness-test\"\ntitle: \"A wire report for the test\"\npublisher: \"Test Wire\"\nkind: state-media\n---\n\nA test source.\n");
                archive.Edit(file, t => t + "\nAs the wire reported [@soundness-test-wire].\n");
                return [archive.PathOf(catalog), archive.PathOf(file)];
            }
            case "country renamed":
                file = Relative(archive, a.Countries.OrderByDescending(c => index.BriefingsOf(c.Id).Count).First());
                archive.ReplaceLine(file, "name:", "name: \"Renamed Country\"");
                break;
            default:
                throw new ArgumentException(edit);
        }
        return [archive.PathOf(file)];
    }

    internal static string Relative(TempArchive archive, Document d) =>
        Path.GetRelativePath(archive.Input, Path.GetFullPath(d.Path)).Replace('\\', '/');

    /// <summary>The whole site as <c>build</c> writes it, by URL (theme assets left out: they do not depend on content).</summary>
    internal static Dictionary<string, string> Build(ArchiveIndex index, Theme theme)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"briefings-site-{Guid.NewGuid():N}");
        try
        {
            using (var output = new StagedOutput(dir))
            {
                SiteWriter.WriteAll(index, theme, output, new StageTimings());
                output.Commit();
            }
            return ReadSite(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every file of a site folder but the theme's assets, by URL ("people/x/index.html" is "/people/x/").</summary>
    internal static Dictionary<string, string> ReadSite(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(f => f.EndsWith("/index.html") || f == "index.html" ? "/" + f[..^"index.html".Length] : "/" + f,
                f => File.ReadAllText(Path.Combine(dir, f)), StringComparer.Ordinal);
}
