using Briefings.Rendering;
using Briefings.Resolving;
using Briefings.Serving;
using Briefings.Site;

namespace Briefings.Tests.Serving;

/// <summary>What serve keeps in its folder after each edit, judged against a full build of the same input.</summary>
public sealed class LiveSiteTests
{
    [Theory]
    [MemberData(nameof(AffectedPagesTests.Edits), MemberType = typeof(AffectedPagesTests))]
    public void After_an_edit_the_served_folder_is_what_a_full_build_writes(string edit)
    {
        using var archive = new TempArchive();
        AffectedPagesTests.Prepare(edit, archive);
        var folder = Path.Combine(archive.Root, "served");
        var live = new LiveSite(archive.Input, folder);
        Assert.False(live.BuildAll().HasErrors);
        var index = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);

        var update = live.Apply(AffectedPagesTests.Apply(edit, archive, index));
        live.WriteArchiveFiles();

        Assert.False(update.HasErrors, string.Join("\n", update.Diagnostics));
        AssertSameAsFullBuild(archive, folder);
    }

    [Fact]
    public void A_broken_edit_leaves_the_last_good_site_and_fixing_it_brings_the_folder_up_to_date()
    {
        using var archive = new TempArchive();
        var folder = Path.Combine(archive.Root, "served");
        var live = new LiveSite(archive.Input, folder);
        live.BuildAll();
        var index = new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive);
        var b = index.Briefings[0];
        var file = AffectedPagesTests.Relative(archive, b);
        var good = AffectedPagesTests.ReadSite(folder);

        int titleLine = archive.Read(file).Split('\n').ToList().FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal)) + 1;
        archive.ReplaceLine(file, "title:", "title: [\"broken");
        var broken = live.Apply([archive.PathOf(file)]);

        Assert.True(broken.HasErrors);
        Assert.Contains(live.Errors, e => e.StartsWith($"{ShownPath(archive, file)}:{titleLine}:", StringComparison.Ordinal) && e.Contains("error BR201"));
        Assert.Equal(good, AffectedPagesTests.ReadSite(folder));

        archive.ReplaceLine(file, "title:", "title: \"Fixed title\"");
        var fixedUpdate = live.Apply([archive.PathOf(file)]);
        live.WriteArchiveFiles();

        Assert.False(fixedUpdate.HasErrors);
        Assert.Empty(live.Errors);
        AssertSameAsFullBuild(archive, folder);
    }

    [Fact]
    public void An_edited_template_renders_every_page_again()
    {
        using var archive = new TempArchive();
        var folder = Path.Combine(archive.Root, "served");
        var live = new LiveSite(archive.Input, folder);
        live.BuildAll();
        var layout = Path.Combine(archive.Theme, "templates", "layout.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("</footer>", "<p>Edited layout</p></footer>"));

        var update = live.Apply([layout]);
        live.WriteArchiveFiles();

        Assert.True(update.Written);
        AssertSameAsFullBuild(archive, folder);
    }

    private static string ShownPath(TempArchive archive, string relative) =>
        Briefings.Reading.ArchiveReader.Display(archive.PathOf(relative));

    private static void AssertSameAsFullBuild(TempArchive archive, string folder)
    {
        var expected = AffectedPagesTests.Build(new ArchiveIndex(ReadState.ReadAll(archive.Input).Archive), new Theme(archive.Theme));
        var served = AffectedPagesTests.ReadSite(folder);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), served.Keys.Order(StringComparer.Ordinal));
        var differing = expected.Keys.Where(url => expected[url] != served[url]).ToList();
        Assert.Empty(differing);
    }
}
