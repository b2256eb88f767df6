namespace Briefings.Markdown;

/// <summary>The one rule for every URL that reaches a page: absolute http(s), or a path inside the site.</summary>
public static class UrlPolicy
{
    public static bool IsAbsoluteHttp(string url) =>
        url.Length <= 2000
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var u)
        && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(u.Host);

    /// <summary>Allowed in Markdown bodies: absolute http(s), a site path ('/x/'), or a fragment ('#x').
    /// Relative paths without a leading slash and every other scheme are refused.</summary>
    public static bool IsAllowedInBody(string url)
    {
        if (IsAbsoluteHttp(url)) return true;
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\')) return false;
        if (url.StartsWith('#')) return true;
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains(':');
    }
}
