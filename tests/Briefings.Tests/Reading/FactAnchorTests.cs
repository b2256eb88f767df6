using System.Text.RegularExpressions;
using Briefings.Checking;
using Briefings.Errors;
using Briefings.Model;
using Briefings.Reading;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;

namespace Briefings.Tests.Reading;

/// <summary>A fact's address (its anchor) is made from what the fact is, not from its place: adding a fact before
/// the first one of a file leaves every other address as it was.</summary>
public sealed class FactAnchorTests
{
    private static Archive Read(string root)
    {
        var bag = new DiagnosticBag();
        var archive = ArchiveReader.Read(root, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return archive;
    }

    /// <summary>Every fact's anchor, by the file and what the fact says (which an insertion does not change); two
    /// facts of a file that say the same are told apart by their order among themselves.</summary>
    private static Dictionary<string, string> Anchors(Archive archive) =>
        archive.Briefings.SelectMany(b => b.Events.Select(e => ($"{b.Id}: {e.Date} {e.Type} {e.Summary}", e.Anchor)))
            .Concat(archive.People.SelectMany(p => p.Positions.Select(post => ($"{p.Id}: {post.Institution.Id} {post.Title} {post.From}", post.Anchor))))
            .GroupBy(x => x.Item1).SelectMany(g => g.Select((x, i) => (Key: i == 0 ? g.Key : $"{g.Key} #{i + 1}", x.Item2)))
            .ToDictionary(x => x.Key, x => x.Item2);

    [Fact]
    public void Anchors_are_made_from_the_fact_or_its_id()
    {
        using var fixture = new ArchiveFixture();
        var archive = Read(fixture.Root);

        var delegation = archive.Briefings.Single(b => b.Id == "2019-06-14-central-court-delegation-to-moscow");
        Assert.Equal(["event-2019-06-delegation", "event-2019-06-14-signing"], delegation.Events.Select(e => e.Anchor));
        Assert.Equal(["review-meeting"], archive.Briefings.Single(b => b.Id == "2020-03-02-court-exchange-follow-up").Events.Select(e => e.Anchor));
        Assert.Equal(["position-dprk-central-court-2019-06"], archive.People.Single(p => p.Id == "kim-myong-gil").Positions.Select(p => p.Anchor));
        Assert.Equal(["chairman-1989"], archive.People.Single(p => p.Id == "vyacheslav-lebedev").Positions.Select(p => p.Anchor));
    }

    [Fact]
    public void An_event_and_a_position_inserted_first_change_no_other_address()
    {
        using var fixture = new ArchiveFixture();
        var before = Anchors(Read(fixture.Root));

        fixture.InsertAfter(ArchiveFixture.Delegation, "events:",
            "  - date: 2019-05-20\n    type: statement\n    summary: \"An earlier statement.\"\n    sources: [kcna-delegation-2019]");
        fixture.InsertAfter(ArchiveFixture.Kim, "positions:",
            "  - institution: dprk-central-court\n    title: \"Judge\"\n    from: 2010\n    sources: [kcna-kim-2019]");
        fixture.InsertAfter(ArchiveFixture.Lebedev, "positions:",
            "  - institution: russia-supreme-court\n    title: \"Judge\"\n    sources: [rg-courts-2019]");
        var after = Anchors(Read(fixture.Root));

        Assert.Equal(before.Count + 3, after.Count);
        foreach (var (fact, anchor) in before)
            Assert.True(after[fact] == anchor, $"{fact}: was #{anchor}, is #{after[fact]}");
        Assert.Contains("event-2019-05-20-statement", after.Values);
        Assert.Contains("position-dprk-central-court-2010", after.Values);
        Assert.Contains("position-russia-supreme-court-undated", after.Values);
    }

    /// <summary>The test, on a copy of the real archive: an event put before the first of every briefing that
    /// has events, and a position before the first of every person who has positions.</summary>
    [Fact]
    public void On_a_copy_of_input_a_fact_inserted_first_in_every_file_changes_no_other_address()
    {
        using var temp = new TempFolder();
        TempFolder.Copy(RepoPaths.Input, temp.Path);
        var before = Anchors(Read(temp.Path));
        Assert.NotEmpty(before);

        int inserted = 0;
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var updated = Insert(text, "events", "date: 1900-01-01\n{0}type: other\n{0}summary: \"Inserted.\"\n{0}sources: [inserted]");
            updated = Insert(updated, "positions", "institution: inserted-institution\n{0}title: \"Inserted\"\n{0}from: 1900");
            if (updated == text) continue;
            File.WriteAllText(file, updated);
            inserted++;
        }
        Assert.True(inserted > 0);
        var after = Anchors(Read(temp.Path));

        foreach (var (fact, anchor) in before)
            Assert.True(after[fact] == anchor, $"{fact}: was #{anchor}, is #{after[fact]}");
    }

    /// <summary>The text with a new first item in the front-matter list <paramref name="key"/>, indented as its first item.</summary>
    private static string Insert(string text, string key, string item)
    {
        var m = Regex.Match(text, $"^{key}:\\n( *)- ( *)", RegexOptions.Multiline);
        if (!m.Success) return text;
        var dash = m.Groups[1].Value;
        var inner = dash + " " + " " + m.Groups[2].Value;
        var first = $"{dash}- {m.Groups[2].Value}" + string.Format(item, inner) + "\n";
        int at = m.Index + key.Length + 2;
        return text[..at] + first + text[at..];
    }
}
