using System.CommandLine;
using Briefings.Cli;
using Briefings.Model;
using Briefings.Site;
using Briefings.Tests.Serving;

namespace Briefings.Tests.Authoring;

/// <summary><c>briefings new</c>: the file it writes checks clean once its placeholders are filled, and it refuses
/// ids that are taken or malformed.</summary>
public sealed class NewCommandTests
{
    private static readonly DateTimeOffset Today = new(2031, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static (int Exit, string Stdout, string Stderr) New(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int exit = NewCommand.Create(stdout, stderr, new FixedClock(Today)).Parse(args).Invoke();
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>For each kind: what the test writes in place of the empty required values, given ids of the archive.</summary>
    private static string Fill(string kind, string text, Archive archive)
    {
        var actor = archive.People.First().Id;
        var other = archive.Institutions.First().Id;
        string Sources(string t) => t.Replace("url: \"\"", "url: \"https://example.org/report\"")
            .Replace("title: \"\"  ", "title: \"A report\"  ").Replace("publisher: \"\"", "publisher: \"A publisher\"");
        // The placeholder paragraph, replaced by the writer's own text (with the citation it showed how to write).
        text = System.Text.RegularExpressions.Regex.Replace(text,
            System.Text.RegularExpressions.Regex.Escape(Briefings.Reading.Placeholder.Mark) + @"[^\n]*(\n[^\n]+)*",
            kind is "briefing" or "agreement" ? "Our own text [@source-1]." : "Our own text.");
        return kind switch
        {
            "briefing" => Sources(text.Replace("summary: \"\"", "summary: \"What happened.\"").Replace("actors: []", $"actors: [{actor}]")),
            "country" => text.Replace("iso: \"\"", "iso: \"MN\""),
            "institution" => text.Replace("country: \"\"", $"country: {archive.Countries.First().Id}").Replace("type: \"\"", "type: court"),
            "person" => text,
            "agreement" => Sources(text.Replace("type: \"\"", "type: mou").Replace("status: \"\"", "status: signed")
                .Replace("parties: []", $"parties: [{actor}, {other}]")),
            "source" => text.Replace("url: \"\"", "url: \"https://example.org/report\"").Replace("publisher: \"\"", "publisher: \"A publisher\""),
            "page" => text,
            _ => throw new ArgumentException(kind),
        };
    }

    [Theory]
    [InlineData("briefing", "2031-03-04-new-test-briefing", "briefings/2031/2031-03-04-new-test-briefing.md")]
    [InlineData("country", "new-test-country", "countries/new-test-country.md")]
    [InlineData("institution", "new-test-institution", "institutions/new-test-institution.md")]
    [InlineData("person", "new-test-person", "people/new-test-person.md")]
    [InlineData("agreement", "new-test-agreement", "agreements/new-test-agreement.md")]
    [InlineData("source", "new-test-source", "sources/new-test-source.md")]
    [InlineData("page", "new-test-page", "pages/new-test-page.md")]
    public void The_new_file_checks_clean_once_its_placeholders_are_filled(string kind, string id, string expectedPath)
    {
        using var archive = new TempArchive();
        const string title = "A \"quoted\" title: with a colon \\ and a backslash";

        var (exit, stdout, _) = New(kind, id, "--title", title, "--input", archive.Input);

        Assert.Equal(0, exit);
        var written = archive.PathOf(expectedPath);
        Assert.Equal(Briefings.Reading.ArchiveReader.Display(written), stdout.Trim());
        var shown = Briefings.Reading.ArchiveReader.Display(written);
        var unfilled = ArchiveLoader.Load(archive.Input);
        if (kind is not ("person" or "page"))
            Assert.Contains(unfilled.Diagnostics, d => d.Path == shown && d.IsError && d.Code == "BR301");
        // The prose the template writes would be published: it is an error until it is replaced.
        Assert.Contains(unfilled.Diagnostics, d => d.Path == shown && d.IsError && d.Code == "BR705");

        File.WriteAllText(written, Fill(kind, File.ReadAllText(written), unfilled.Archive));
        var loaded = ArchiveLoader.Load(archive.Input);

        // A new catalog source is cited by no file yet, which is worth its warning.
        var left = loaded.Diagnostics.Where(d => d.Path == shown && !(kind == "source" && d.Code == "BR501")).Select(d => d.ToString()).ToList();
        Assert.True(left.Count == 0, string.Join("\n", left));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var document = Assert.Single(loaded.Archive.Documents, d => d.Id == id);
        Assert.Equal(title, document.DisplayName);
        if (document is Briefing b) Assert.Equal(new PartialDate(2031, 3, 4), b.Date);
    }

    [Fact]
    public void Every_field_of_the_contract_is_in_the_template_of_its_kind()
    {
        var fields = new Dictionary<DocumentKind, string[]>
        {
            [DocumentKind.Briefing] = ["title", "date", "updated", "summary", "countries", "actors", "agreements", "events", "tags", "authors", "sources",
                "end", "type", "from", "to", "participants", "confidence", "id", "url", "publisher", "published", "author", "language", "accessed", "archive_url", "kind"],
            [DocumentKind.Country] = ["name", "iso", "native_name", "aliases", "former_ids", "sources"],
            [DocumentKind.Institution] = ["name", "country", "type", "native_name", "aliases", "parent", "names", "from", "until", "website", "former_ids", "sources"],
            [DocumentKind.Person] = ["name", "native_name", "aliases", "country", "positions", "institution", "title", "from", "until", "confidence", "former_ids", "sources"],
            [DocumentKind.Agreement] = ["title", "type", "status", "signed", "place", "parties", "confidence", "former_ids", "sources"],
            [DocumentKind.Source] = ["url", "title", "publisher", "published", "author", "language", "accessed", "archive_url", "kind"],
            [DocumentKind.Page] = ["title", "summary"],
        };
        foreach (var (kind, keys) in fields)
        {
            var lines = Briefings.Authoring.NewFile.Text(kind, null, new DateOnly(2031, 3, 4)).Split('\n');
            foreach (var key in keys)
                Assert.True(lines.Any(l => l.TrimStart('#', ' ', '-').StartsWith(key + ":", StringComparison.Ordinal)), $"{kind}: no '{key}'");
        }
    }

    [Fact]
    public void An_id_taken_by_any_kind_is_refused_with_exit_1_and_nothing_is_written()
    {
        using var archive = new TempArchive();
        var person = ArchiveLoader.Load(archive.Input).Archive.People.First();

        var (exit, stdout, stderr) = New("institution", person.Id, "--input", archive.Input);

        Assert.Equal(1, exit);
        Assert.Contains($"'{person.Id}' is taken", stderr);
        Assert.Empty(stdout);
        Assert.False(File.Exists(archive.PathOf($"institutions/{person.Id}.md")));
    }

    [Theory]
    [InlineData("Bad_Id")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void A_malformed_id_is_a_wrong_command_line(string id)
    {
        using var archive = new TempArchive();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        int exit = Cli.Cli.Run(["new", "person", id, "--input", archive.Input], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Contains("not a valid id", stderr.ToString());
        Assert.DoesNotContain(Directory.EnumerateFiles(archive.Input, "*.md", SearchOption.AllDirectories), f => f.Contains(id));
    }

    [Fact]
    public void An_unknown_kind_is_a_wrong_command_line()
    {
        using var archive = new TempArchive();
        int exit = Cli.Cli.Run(["new", "event", "some-id", "--input", archive.Input], new StringWriter(), new StringWriter());
        Assert.Equal(2, exit);
    }

    [Fact]
    public void A_briefing_whose_id_starts_with_a_date_is_dated_and_filed_by_it()
    {
        using var archive = new TempArchive();

        var (exit, stdout, _) = New("briefing", "2019-06-04-court-delegation", "--input", archive.Input);

        Assert.Equal(0, exit);
        var written = archive.PathOf("briefings/2019/2019-06-04-court-delegation.md");
        Assert.Equal(Briefings.Reading.ArchiveReader.Display(written), stdout.Trim());
        Assert.Contains("\ndate: 2019-06-04\n", File.ReadAllText(written));
        // Filed where its date says: no "wrong year" error among the template's empty fields.
        Assert.DoesNotContain(ArchiveLoader.Load(archive.Input).Diagnostics, d => d.Code == "BR105");
    }

    [Fact]
    public void A_briefing_id_without_a_date_is_kept_as_given_under_the_year_of_today()
    {
        using var archive = new TempArchive();

        var (exit, _, _) = New("briefing", "no-date-here", "--input", archive.Input);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(archive.PathOf("briefings/2031/no-date-here.md")));
    }
}
