namespace Briefings.Serving;

/// <summary>The response headers the deployed site is served with, as netlify.toml's <c>[[headers]]</c> set them,
/// so that <c>serve</c> previews what production enforces (the Content-Security-Policy, frame-ancestors, nosniff).
/// Kept here, not read from netlify.toml at start, because serve also runs outside a checkout; a test compares this
/// list with netlify.toml, rule by rule, so the two cannot drift apart.</summary>
public static class ProductionHeaders
{
    /// <summary>One <c>[[headers]]</c> table: a path pattern (<c>*</c> matches anything, '/' included) and its values.</summary>
    public sealed record Rule(string For, IReadOnlyList<KeyValuePair<string, string>> Values);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("/*", [
            new("Content-Security-Policy", "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"),
            new("X-Content-Type-Options", "nosniff"),
            new("Referrer-Policy", "strict-origin-when-cross-origin"),
            new("X-Frame-Options", "DENY"),
            new("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ]),
        new("/assets/*", [new("Cache-Control", "public, max-age=3600")]),
        new("/*.xml", [new("Content-Type", "application/xml; charset=utf-8")]),
        new("/*.xsl", [new("Content-Type", "text/xsl; charset=utf-8")]),
        new("/sitemap.xml", [new("Content-Type", "application/xml; charset=utf-8")]),
    ];

    /// <summary>The headers production sends for <paramref name="path"/>: every matching rule in order, a later
    /// rule's value replacing an earlier one's for the same header, as Netlify merges them.</summary>
    public static IReadOnlyDictionary<string, string> For(string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in Rules.Where(r => Matches(r.For, path)))
            foreach (var (name, value) in rule.Values) headers[name] = value;
        return headers;
    }

    /// <summary>Whether a Netlify path pattern matches: '*' stands for any run of characters.</summary>
    public static bool Matches(string pattern, string path)
    {
        var parts = pattern.Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        int at = parts[0].Length;
        for (int i = 1; i < parts.Length; i++)
        {
            int found = i == parts.Length - 1
                ? (path.Length - parts[i].Length >= at && path.EndsWith(parts[i], StringComparison.Ordinal) ? path.Length - parts[i].Length : -1)
                : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        return parts.Length > 1 || at == path.Length;
    }
}
