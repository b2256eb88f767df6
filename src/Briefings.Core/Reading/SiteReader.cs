using Briefings.Errors;
using Briefings.Model;

namespace Briefings.Reading;

/// <summary>Reads input/site.yml.</summary>
public static class SiteReader
{
    public static SiteSettings? Read(string fullPath, string path, DiagnosticBag diagnostics)
    {
        if (new FileInfo(fullPath).Length > ContentFile.MaxBytes)
        {
            diagnostics.Error(path, Position.Start, DiagnosticCode.TooLarge, "site.yml is too large");
            return null;
        }
        var text = ContentFile.Decode(File.ReadAllBytes(fullPath), path, diagnostics);
        if (text is null) return null;
        var map = YamlTree.Parse(text.Replace("\r\n", "\n"), 0, path, diagnostics);
        if (map is null) return null;
        var f = new Fields(map, path, diagnostics);
        var title = f.Text("title", required: true, DocumentReader.MaxTitle);
        var description = f.Text("description", maxLength: DocumentReader.MaxSummary);
        var baseUrl = f.Url("base_url", required: true);
        if (baseUrl is not null && !baseUrl.StartsWith("https://", StringComparison.Ordinal))
            f.Error(f.Node("base_url")!.At, DiagnosticCode.BadUrl, "'base_url' must be an absolute https URL");
        var language = f.Language("language");
        var footer = f.Ids("footer");
        f.ReportUnknownKeys();
        return new SiteSettings(title ?? "Briefings", description ?? "", (baseUrl ?? SiteSettings.Default.BaseUrl).TrimEnd('/'), language ?? "en")
        {
            Footer = footer,
            Path = path,
        };
    }
}
