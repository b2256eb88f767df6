using System.Net;
using Briefings.Serving;
using Briefings.Tests.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Briefings.Tests.Browser;

/// <summary><c>serve</c> in Chromium beside pages of other sites, which must not read what it serves: its errors
/// quote unpublished drafts. A page of another origin asks for them across origins; a page that made its own name
/// point at 127.0.0.1 (DNS rebinding, here by Chromium's host resolver rules) asks for them as its own.</summary>
[Trait("Speed", "Slow")]
public sealed class ServeOriginTests : IAsyncLifetime
{
    private const string Draft = "An unpublished draft title";
    private const string RebindingName = "rebind.test";
    private readonly TempArchive _archive = new();
    private DevServer _serve = null!;
    private WebApplication _other = null!;
    private Uri _otherUrl = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(BrowserSite.ChromiumPath), $"no Chromium at {BrowserSite.ChromiumPath}: `apt-get install -y chromium`");
        // A draft with a mistake in it: its title is quoted in serve's errors.
        var briefing = Directory.EnumerateFiles(Path.Combine(_archive.Input, "briefings"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        _archive.ReplaceLine(Path.GetRelativePath(_archive.Input, briefing), "title:", $"title: \"{Draft}\"\ntitel: typo");
        _serve = await DevServer.StartAsync(_archive.Input, 0, TextWriter.Null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _other = builder.Build();
        _other.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Another site</title></head><body><p>Another site</p></body></html>");
        });
        await _other.StartAsync();
        _otherUrl = new Uri(_other.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                $"--host-resolver-rules=MAP {RebindingName} 127.0.0.1"],
        }).WaitAsync(BrowserSite.Limit);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync().WaitAsync(BrowserSite.Limit);
        _playwright?.Dispose();
        if (_other is not null) await _other.DisposeAsync();
        if (_serve is not null) await _serve.DisposeAsync();
        _archive.Dispose();
    }

    /// <summary>Opens <paramref name="url"/> and runs a fetch of <paramref name="target"/> in that page: what the
    /// page could read, or why it could not.</summary>
    private async Task<(int Status, string Text)> FetchFromAsync(string url, string target)
    {
        var context = await _browser.NewContextAsync().WaitAsync(BrowserSite.Limit);
        try
        {
            var page = await context.NewPageAsync().WaitAsync(BrowserSite.Limit);
            await page.GotoAsync(url);
            var result = await page.EvaluateAsync<string[]>(
                """
                async target => {
                  try {
                    const response = await fetch(target, { cache: "no-store" });
                    return [String(response.status), await response.text()];
                  } catch (e) {
                    return ["0", "refused: " + e.message];
                  }
                }
                """, target);
            return (int.Parse(result[0]), result[1]);
        }
        finally { await context.CloseAsync().WaitAsync(BrowserSite.Limit); }
    }

    [Fact]
    public async Task Its_own_page_reads_the_errors_which_quote_the_draft()
    {
        var (status, text) = await FetchFromAsync(_serve.Url.AbsoluteUri, ReloadScript.ErrorsPath);

        Assert.Equal(200, status);
        Assert.Contains("BR302", text);
    }

    [Fact]
    public async Task A_page_of_another_origin_cannot_read_the_errors()
    {
        var target = new Uri(_serve.Url, ReloadScript.ErrorsPath).AbsoluteUri;

        var (status, text) = await FetchFromAsync(_otherUrl.AbsoluteUri, target);

        Assert.Equal(0, status);
        Assert.StartsWith("refused: ", text);
        Assert.DoesNotContain("BR302", text);
    }

    [Fact]
    public async Task A_page_that_rebinds_its_own_name_to_127_0_0_1_gets_403_and_not_the_draft()
    {
        var rebound = $"http://{RebindingName}:{_serve.Url.Port}/";

        var (status, text) = await FetchFromAsync(rebound, ReloadScript.ErrorsPath);

        Assert.Equal(403, status);
        Assert.DoesNotContain("BR302", text);
        Assert.DoesNotContain(Draft, text);
    }
}
