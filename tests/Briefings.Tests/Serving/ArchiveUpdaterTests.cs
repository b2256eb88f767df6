using Briefings.Serving;
using Briefings.Site;

namespace Briefings.Tests.Serving;

/// <summary>Reading only the changed files must give what reading everything gives.</summary>
public sealed class ArchiveUpdaterTests
{
    [Theory]
    [InlineData("edit")]
    [InlineData("break")]
    [InlineData("delete")]
    [InlineData("add")]
    [InlineData("stray file")]
    [InlineData("hidden file")]
    [InlineData("wrong year")]
    [InlineData("named pipe")]
    [InlineData("link")]
    public void Updating_after_a_change_gives_what_a_full_read_gives(string change)
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var briefing = before.Archive.Briefings.First();
        var file = AffectedPagesTests.Relative(archive, briefing);
        string changed = archive.PathOf(file);
        switch (change)
        {
            case "edit": archive.ReplaceLine(file, "summary:", "summary: \"Another summary\""); break;
            case "break": archive.ReplaceLine(file, "summary:", "summary: [unclosed"); break;
            case "delete": File.Delete(changed); break;
            case "add":
                changed = archive.PathOf(file.Replace(".md", "-again.md"));
                File.Copy(archive.PathOf(file), changed);
                break;
            case "stray file":
                changed = archive.PathOf("people/notes.txt");
                File.WriteAllText(changed, "notes");
                break;
            case "hidden file":
                changed = archive.PathOf("people/.notes.md.swp");
                File.WriteAllText(changed, "swap");
                break;
            case "wrong year": archive.ReplaceLine(file, "date:", "date: 2001-01-01"); break;
            case "named pipe":
                // Opened, it would wait for a writer forever: it is reported as the full read reports it, unopened.
                changed = archive.PathOf("people/pipe.md");
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [changed])) mkfifo.WaitForExit();
                break;
            case "link":
                changed = archive.PathOf(file.Replace(".md", "-link.md"));
                File.CreateSymbolicLink(changed, archive.PathOf(file));
                break;
        }

        var updated = ArchiveUpdater.Update(before, archive.Input, [changed]);
        var full = ReadState.ReadAll(archive.Input);

        Assert.Equal(full.Check(), updated.Check());
        Assert.Equal(full.Archive.Documents.Select(DocumentFacets.Whole), updated.Archive.Documents.Select(DocumentFacets.Whole));
        Assert.Equal(full.Archive.Unread.OrderBy(x => x.Key), updated.Archive.Unread.OrderBy(x => x.Key));
    }

    [Fact]
    public void Unchanged_documents_stay_the_same_objects()
    {
        using var archive = new TempArchive();
        var before = ReadState.ReadAll(archive.Input);
        var file = AffectedPagesTests.Relative(archive, before.Archive.Briefings.First());
        archive.ReplaceLine(file, "summary:", "summary: \"Another summary\"");

        var updated = ArchiveUpdater.Update(before, archive.Input, [archive.PathOf(file)]);

        var same = updated.Archive.Documents.Count(d => before.Archive.Documents.Any(o => ReferenceEquals(o, d)));
        Assert.Equal(before.Archive.Documents.Count - 1, same);
    }
}
