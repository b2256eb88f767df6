using System.IO.Compression;
using System.Text.Json;
using Briefings.Search;

namespace Briefings.Tests.Support;

/// <summary>What a built site's search index holds, read from its files: the bundles the search page merges
/// (pagefind/bundles.json) and the pages of each, from Pagefind's fragments (gzipped JSON of each page).</summary>
public static class PagefindBundles
{
    /// <summary>The bundles after the first, as the search page is told them ("/pagefind/2/", ...).</summary>
    public static List<string> Merged(string site)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site, SearchIndex.Folder, SearchIndex.BundlesFile)));
        return json.RootElement.GetProperty("merge").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>The URL path of bundle <paramref name="bundle"/>, from 0.</summary>
    public static string Folder(int bundle) => "/" + SearchIndex.BundleFolder(bundle) + "/";

    /// <summary>Each page a bundle holds: its fragment's JSON (url, content, meta, filters).</summary>
    public static List<JsonElement> Fragments(string site, string bundle) =>
        Directory.EnumerateFiles(Path.Combine(site, bundle.Trim('/'), "fragment")).Order(StringComparer.Ordinal).Select(f =>
        {
            using var gzip = new GZipStream(File.OpenRead(f), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            var text = reader.ReadToEnd();
            // Pagefind starts each fragment with a signature ("pagefind_dcd") before the JSON.
            using var json = JsonDocument.Parse(text[text.IndexOf('{')..]);
            return json.RootElement.Clone();
        }).ToList();

    /// <summary>The URLs of the pages a bundle holds.</summary>
    public static List<string> Urls(string site, string bundle) =>
        Fragments(site, bundle).Select(f => f.GetProperty("url").GetString()!).ToList();
}
