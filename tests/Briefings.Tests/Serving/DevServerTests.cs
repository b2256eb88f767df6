using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Briefings.Model;
using Briefings.Serving;
using Briefings.Site;

namespace Briefings.Tests.Serving;

/// <summary><c>serve</c> in process on a free port, over a copy of the test site: what a browser gets, and what
/// it gets after an edit. Waits poll with a deadline; they never sleep a fixed time.</summary>
public sealed class DevServerTests : ServeInProcess
{
    private Archive Archive => ArchiveLoader.Load(_archive.Input).Archive;

    private async Task<IDocument> PageAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Serves_the_site_with_the_reload_script_in_every_page()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), _server.Url.Host);
        var home = await PageAsync("/");
        Assert.NotNull(home.QuerySelector("main"));
        Assert.Single(home.QuerySelectorAll($"script[src='{ReloadScript.Path}']"));

        using var script = await _http.GetAsync(ReloadScript.Path);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await ErrorsAsync());
    }

    [Theory]
    [InlineData("/assets/site.css", "text/css")]
    [InlineData("/feed.xml", "application/xml")]
    [InlineData("/assets/feed.xsl", "text/xsl")]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/data/archive.json", "application/json")]
    public async Task Serves_each_file_with_its_content_type(string url, string type)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_page_gets_the_404_page_and_a_folder_without_its_slash_is_redirected()
    {
        using var missing = await _http.GetAsync("/people/nobody-at-all/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var page = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Contains("not found", page.Title, StringComparison.OrdinalIgnoreCase);

        var person = Archive.People.First();
        using var bare = await _http.GetAsync(person.Url.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal(person.Url, bare.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_edited_title_appears_on_its_page_and_on_the_page_of_an_actor_that_lists_it()
    {
        var briefing = Archive.Briefings.First(b => b.Actors.Count > 0);
        var actor = Archive.Documents.First(d => d.Id == briefing.Actors[0].Id);
        const string title = "A title edited while serving";

        _archive.ReplaceLine(AffectedPagesTests.Relative(_archive, briefing), "title:", $"title: \"{title}\"");

        await Eventually("the briefing page shows the new title", async () =>
            (await PageAsync(briefing.Url)).QuerySelector("h1")?.TextContent.Trim() == title);
        await Eventually("the actor's page lists the briefing under its new title", async () =>
            (await PageAsync(actor.Url)).QuerySelectorAll($"a[href='{briefing.Url}']").Any(a => a.TextContent.Trim() == title));
        await Eventually("the data file has the new title when it is next asked for", async () =>
        {
            using var data = JsonDocument.Parse(await _http.GetStringAsync("/data/archive.json"));
            return data.RootElement.GetRawText().Contains(title, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_broken_edit_is_shown_as_an_error_while_the_last_good_page_stays_served()
    {
        var briefing = Archive.Briefings.First();
        var file = AffectedPagesTests.Relative(_archive, briefing);

        _archive.ReplaceLine(file, "title:", "title: [\"unclosed");

        string[] errors = [];
        await Eventually("the error is reported", async () => (errors = await ErrorsAsync()).Length > 0);
        var error = Assert.Single(errors);
        // Shown relative to the repository (the folder of input/), never as the machine's absolute path.
        Assert.StartsWith($"input/{file}:", error);
        Assert.Contains("error BR201", error);
        Assert.Equal(briefing.Title, (await PageAsync(briefing.Url)).QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("error BR201", _log.ToString());

        _archive.ReplaceLine(file, "title:", "title: \"Repaired\"");
        await Eventually("the error is gone", async () => (await ErrorsAsync()).Length == 0);
        await Eventually("the page shows the repaired title", async () =>
            (await PageAsync(briefing.Url)).QuerySelector("h1")?.TextContent.Trim() == "Repaired");
    }

    [Fact]
    public async Task Open_pages_are_told_to_reload_after_an_edit()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        using var response = await _http.GetAsync(ReloadScript.EventsPath, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal(": connected", await events.ReadLineAsync(cancel.Token));

        var briefing = Archive.Briefings.First();
        _archive.ReplaceLine(AffectedPagesTests.Relative(_archive, briefing), "summary:", "summary: \"A new summary.\"");

        string? line;
        do line = await events.ReadLineAsync(cancel.Token);
        while (line is not null && line != "event: reload");
        Assert.Equal("event: reload", line);
    }

    [Fact]
    public async Task The_reload_script_is_added_by_serve_only_and_never_written_by_build()
    {
        var output = Path.Combine(_archive.Root, "built");
        int exit = Cli.Cli.Run(["build", "--input", _archive.Input, "--output", output, "--no-search"], new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        var parser = new HtmlParser();
        Assert.All(pages, page => Assert.Empty(parser.ParseDocument(File.ReadAllText(page)).QuerySelectorAll("script[src*='__briefings']")));
        Assert.Single((await PageAsync("/")).QuerySelectorAll($"script[src='{ReloadScript.Path}']"));
    }
}
