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
    /// <summary>Each edit, and the kinds of output (a page's template, or "feed") it must change in the test site: together
    /// they reach every kind of page (<see cref="The_edits_reach_every_kind_of_page_that_shows_content"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Reaches = new Dictionary<string, string[]>
    {
        ["briefing title"] = ["home", "briefings", "briefing", "timeline", "tag", "country", "person", "institution", "entity-briefings", "entity-events", "publisher", "feed"],
        ["briefing body"] = ["briefing"],
        ["briefing tag added"] = ["tags", "tag", "briefing"],
        ["briefing removed"] = ["home", "briefings", "countries"],
        ["briefing added"] = ["briefing", "briefings", "agreement"],
        ["briefing moved to another year"] = ["briefings", "home"],
        ["person renamed"] = ["person", "people", "institution", "network", "country-members", "feed"],
        ["person body"] = ["person"],
        ["institution moves country"] = ["institution", "institutions", "country"],
        ["institution renamed"] = ["institution", "institutions", "redirect"],
        ["agreement status"] = ["agreement", "agreements", "entity-agreements"],
        ["country renamed"] = ["country", "countries"],
        ["briefing corrected"] = ["briefing", "corrections"],
        ["catalog source added and cited"] = ["source", "sources", "briefing"],
        ["catalog source retitled"] = ["source", "sources", "briefing"],
        ["site page body"] = ["page"],
        // A type no event had: its filter of the timeline comes, and every filter bar names it.
        ["event type changed"] = ["briefing", "timeline"],
    };

    public static TheoryData<string> Edits => new(Reaches.Keys);

    /// <summary>Pages whose content comes from no document: nothing an edit does changes them.</summary>
    private static readonly string[] Static = ["data", "search", "404"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_output_that_differs_after_an_edit_is_affected(string edit)
    {
        using var archive = new TempArchive();
        Prepare(edit, archive);
        var before = ReadState.ReadAll(archive.Input);
        Assert.DoesNotContain(before.Check(), d => d.IsError);
        var beforeIndex = new ArchiveIndex(before.Archive);
        var theme = new Theme(archive.Theme);
        var graph = new SiteGraph();
        var beforeSite = Build(beforeIndex, theme, graph);

        var changed = Apply(edit, archive, beforeIndex);
        var after = ArchiveUpdater.Update(before, archive.Input, changed);
        Assert.DoesNotContain(after.Check(), d => d.IsError);
        var afterIndex = new ArchiveIndex(after.Archive);
        var afterSite = Build(afterIndex, theme);
        var afterOutputs = OutputKinds(afterIndex);

        var affected = AffectedPages.Between(beforeIndex, afterIndex, graph, afterOutputs.Keys);
        Assert.NotNull(affected);
        // Pages and feeds; the files about the whole archive are written again after every edit (LiveSiteTests).
        var differing = beforeSite.Keys.Union(afterSite.Keys)
            .Where(url => graph.Knows(url) || afterOutputs.ContainsKey(url))
            .Where(url => beforeSite.GetValueOrDefault(url) != afterSite.GetValueOrDefault(url)).Order(StringComparer.Ordinal).ToList();
        var kinds = differing.Select(url => afterOutputs.GetValueOrDefault(url) ?? OutputKinds(beforeIndex)[url]).ToHashSet();
        Assert.Empty(Reaches[edit].Except(kinds));
        Assert.Empty(differing.Except(affected));
        // Renaming the country of nearly every briefing does change nearly every page, and so, in the test site of
        // three briefings, does removing one; the rest must stay small.
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
        var graph = new SiteGraph();
        var beforeSite = Build(beforeIndex, theme, graph);

        var changed = edit == "briefing moved to a later page" ? MoveToLaterPage(archive, beforeIndex) : Apply(edit, archive, beforeIndex);
        var after = ArchiveUpdater.Update(before, archive.Input, changed);
        Assert.DoesNotContain(after.Check(), d => d.IsError);
        var afterIndex = new ArchiveIndex(after.Archive);
        var afterSite = Build(afterIndex, theme);

        var afterOutputs = OutputKinds(afterIndex);
        var affected = AffectedPages.Between(beforeIndex, afterIndex, graph, afterOutputs.Keys)!;
        var differing = beforeSite.Keys.Union(afterSite.Keys)
            .Where(url => graph.Knows(url) || afterOutputs.ContainsKey(url))
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
    public void The_edits_reach_every_kind_of_page_that_shows_content()
    {
        using var archive = new TempArchive();
        var kinds = OutputKinds(new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive)).Values.ToHashSet();
        kinds.UnionWith(["source", "page"]); // the test site has neither; the edits that need one make it first
        var reached = Reaches.Values.SelectMany(k => k).ToHashSet();

        Assert.Empty(kinds.Except(reached).Except(Static));
    }

    [Fact]
    public void Pages_that_show_no_document_read_nothing_and_every_other_page_reads_something()
    {
        using var archive = new TempArchive();
        var index = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);
        var read = new Dictionary<string, IReadOnlyCollection<Fact>>();
        using (var output = new StagedOutput(Path.Combine(archive.Root, "site")))
            SiteWriter.WriteAll(index, new Theme(archive.Theme), output, new StageTimings(), (url, facts) => { lock (read) read[url] = facts; });
        var kinds = OutputKinds(index);

        Assert.Equal(kinds.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.All(kinds, k => Assert.Equal(Static.Contains(k.Value), read[k.Key].Count == 0));
    }

    /// <summary>The point of recording: a page nobody described to serve, whose model reads a fact, is rebuilt when
    /// that fact changes, and is left alone when another does.</summary>
    [Fact]
    public void A_page_no_one_described_is_rebuilt_when_what_its_model_read_changes()
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var beforeIndex = new ArchiveIndex(before.Archive);
        var person = beforeIndex.Archive.People.First(p => beforeIndex.BriefingsOf(p.Id).Count > 0);
        var other = beforeIndex.Archive.Countries.First();
        var theme = new Theme(archive.Theme);
        var probe = new PageSpec("/probe/", "page", () => new PageModel(
            beforeIndex.Find(person.Id)!.DisplayName, $"{beforeIndex.BriefingsOf(person.Id).Count} briefings", "/probe/", "", "page", null,
            PreviewCards.For(beforeIndex.Site, "page"), [], null));
        var graph = new SiteGraph();
        using (var output = new StagedOutput(Path.Combine(archive.Root, "site")))
            SiteWriter.Write(beforeIndex, theme, [probe], [], output.WriteUnbuffered, graph.Record);

        IReadOnlySet<string> AfterEditing(Document d, string line, string replacement)
        {
            archive.ReplaceLine(Relative(archive, d), line, replacement);
            var after = new ArchiveIndex(ArchiveUpdater.Update(before, archive.Input, [archive.PathOf(Relative(archive, d))]).Archive);
            return AffectedPages.Between(beforeIndex, after, graph, ["/probe/"])!;
        }

        Assert.Contains("/probe/", AfterEditing(person, "name:", "name: \"Someone Else\""));
        archive.ReplaceLine(Relative(archive, person), "name:", $"name: \"{person.Name}\"");
        Assert.DoesNotContain("/probe/", AfterEditing(other, "name:", "name: \"Another Country\""));
    }

    /// <summary>Every page and feed of the site, by URL, with its kind: the page's template, or "feed".</summary>
    internal static Dictionary<string, string> OutputKinds(ArchiveIndex index)
    {
        var (pages, feeds) = SiteWriter.Outputs(index);
        var kinds = pages.ToDictionary(p => p.UrlPath, p => p.Template, StringComparer.Ordinal);
        foreach (var f in feeds) kinds[f.Path] = "feed";
        return kinds;
    }

    [Fact]
    public void A_change_to_body_prose_affects_only_its_own_page_and_the_feeds_that_carry_it()
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var beforeIndex = new ArchiveIndex(before.Archive);
        var graph = new SiteGraph();
        Build(beforeIndex, new Theme(archive.Theme), graph);
        var b = beforeIndex.Briefings.First(x => x.Actors.Count > 0);
        archive.Edit(Relative(archive, b), t => t + "\nOne more paragraph.\n");
        var after = ArchiveUpdater.Update(before, archive.Input, [archive.PathOf(Relative(archive, b))]);
        var afterIndex = new ArchiveIndex(after.Archive);

        var affected = AffectedPages.Between(beforeIndex, afterIndex, graph, OutputKinds(afterIndex).Keys)!;

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

        Assert.Null(AffectedPages.ChangedFacts(beforeIndex, afterIndex));
    }

    [Fact]
    public void Nothing_is_affected_when_the_same_documents_are_read_again()
    {
        using var archive = new TempArchive();
        var before = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);
        var again = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);

        Assert.Empty(AffectedPages.ChangedFacts(before, again)!);
    }

    /// <summary>What an edit needs in the archive before it (the test site has no catalog source and no page of its own).</summary>
    internal static void Prepare(string edit, TempArchive archive)
    {
        switch (edit)
        {
            case "catalog source retitled":
                Directory.CreateDirectory(archive.PathOf("sources"));
                File.WriteAllText(archive.PathOf(CatalogFile),
                    "---\nurl: \"https://wire.example.org/soundness-test\"\ntitle: \"A wire report for the test\"\npublisher: \"Test Wire\"\nkind: state-media\n---\n\nA test source.\n");
                var index = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);
                archive.Edit(Relative(archive, Edited(index)), t => t + "\nAs the wire reported [@soundness-test-wire].\n");
                break;
            case "site page body":
                Directory.CreateDirectory(archive.PathOf("pages"));
                File.WriteAllText(archive.PathOf("pages/about.md"), "---\ntitle: \"About\"\nsummary: \"What the test site is.\"\n---\n\nA page of the test site.\n");
                break;
        }
    }

    private const string CatalogFile = "sources/soundness-test-wire.md";

    private static Briefing Edited(ArchiveIndex index) => index.Briefings.First(b => b.Actors.Count > 0 && b.Tags.Count > 0 && b.Events.Count > 0);

    /// <summary>Makes one kind of edit to the archive; returns the full paths it changed.</summary>
    internal static string[] Apply(string edit, TempArchive archive, ArchiveIndex index)
    {
        var a = index.Archive;
        var briefing = Edited(index);
        var mentioned = a.Documents.SelectMany(d => d.BodyRefs.Mentions).Select(r => r.Id).ToHashSet();
        string file = Relative(archive, briefing);
        switch (edit)
        {
            case "briefing title":
                archive.ReplaceLine(file, "title:", "title: \"A new title for the test\"");
                break;
            case "event type changed":
                archive.ReplaceLine(file, "    type:", "    type: arrest");
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
            case "institution renamed":
                file = Relative(archive, a.Institutions.First(i => i.FormerIds.Count > 0));
                archive.ReplaceLine(file, "name:", "name: \"Renamed Institution\"");
                break;
            case "catalog source retitled":
                archive.ReplaceLine(CatalogFile, "title:", "title: \"Another title for the wire report\"");
                return [archive.PathOf(CatalogFile)];
            case "site page body":
                archive.Edit("pages/about.md", t => t + "\nOne more paragraph.\n");
                return [archive.PathOf("pages/about.md")];
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
    internal static Dictionary<string, string> Build(ArchiveIndex index, Theme theme, SiteGraph? graph = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"briefings-site-{Guid.NewGuid():N}");
        try
        {
            using (var output = new StagedOutput(dir))
            {
                SiteWriter.WriteAll(index, theme, output, new StageTimings(), graph is null ? null : graph.Record);
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
