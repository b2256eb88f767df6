using System.Net;
using System.Text.RegularExpressions;
using Briefings.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Briefings.Tests.Browser;

/// <summary>Serves a built site on 127.0.0.1 as Netlify does: <c>/x/</c> is <c>x/index.html</c>, a missing page
/// is /404.html with status 404, and every response carries the Content-Security-Policy of netlify.toml, so
/// the browser enforces the deployed policy (on the search worker too, which a meta tag does not reach), and
/// production's content types with nosniff.</summary>
public sealed partial class StaticServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri Url { get; }

    private StaticServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public static async Task<StaticServer> StartAsync(string root)
    {
        var policy = DeployedPolicy();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var files = new PhysicalFileProvider(root);
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            // Production's content types (feeds as XML, the feed stylesheet as XSL) under nosniff, as Netlify sends
            // them: whether a browser shows a feed through its stylesheet depends on both.
            var path = context.Request.Path.Value ?? "/";
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in Briefings.Serving.ProductionHeaders.For(path))
                    if (name is "Content-Type" or "X-Content-Type-Options") context.Response.Headers[name] = value;
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        // Pagefind's index files (.pf_meta, .pf_fragment, ...) have no registered type.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(Path.Combine(root, "404.html"));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StaticServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The Content-Security-Policy that netlify.toml sends with every page.</summary>
    private static string DeployedPolicy()
    {
        var toml = File.ReadAllText(Path.Combine(RepoPaths.Root, "netlify.toml"));
        var match = PolicyLine().Match(toml);
        Assert.True(match.Success, "netlify.toml sets no Content-Security-Policy header");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""^\s*Content-Security-Policy\s*=\s*"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PolicyLine();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
