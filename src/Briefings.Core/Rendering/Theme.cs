using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Briefings.Rendering;

/// <summary>The Liquid templates and static assets of theme/, parsed once and shared by every render thread.</summary>
public sealed class Theme
{
    public string Directory { get; }
    public string TemplatesDirectory => Path.Combine(Directory, "templates");
    public string AssetsDirectory => Path.Combine(Directory, "assets");

    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>Escapes markup characters but leaves Hangul, Cyrillic and the rest readable in the source.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public Theme(string directory)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(TemplatesDirectory))
            throw new ThemeException($"no theme templates in {TemplatesDirectory}");
        var files = new TemplateFiles(TemplatesDirectory);
        _options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = files,
        };
        Labels.AddFilters(_options.Filters);
        var parser = new FluidParser();
        foreach (var (name, text) in files.Pages())
        {
            if (!parser.TryParse(text, out var template, out var error))
                throw new ThemeException($"{Reading.ArchiveReader.Display(Path.Combine(TemplatesDirectory, name + ".liquid"))}: {error}");
            _templates[name] = template;
        }
        if (!_templates.ContainsKey("layout")) throw new ThemeException($"{TemplatesDirectory}: no layout.liquid");
    }

    /// <summary>The theme to use for an input folder: see <see cref="LocateDirectory"/>.</summary>
    public static Theme Locate(string inputDir) => new(LocateDirectory(inputDir));

    /// <summary>The theme folder to use, as a full path: theme/ beside the input folder (a checkout), else the one
    /// shipped with the program.</summary>
    public static string LocateDirectory(string inputDir)
    {
        var beside = Path.GetFullPath(Path.Combine(inputDir, "..", "theme"));
        return System.IO.Directory.Exists(Path.Combine(beside, "templates")) ? beside : Path.Combine(AppContext.BaseDirectory, "theme");
    }

    /// <summary>Renders a page template inside the layout, straight into <paramref name="output"/>.</summary>
    public void Render(string template, object page, object site, TextWriter output)
    {
        if (!_templates.TryGetValue(template, out var t)) throw new ThemeException($"no template {template}.liquid in {TemplatesDirectory}");
        var context = new TemplateContext(_options);
        context.SetValue("page", page);
        context.SetValue("site", site);
        // The page's template is rendered where the layout writes {{ content }}, straight into the output.
        context.SetValue("content", new PageContent(t, context));
        RenderTo(_templates["layout"], output, context);
    }

    // Templates and values here never await anything, so the task is almost always already complete.
    internal static void RenderTo(IFluidTemplate template, TextWriter output, TemplateContext context)
    {
        var task = template.RenderAsync(output, Encoder, context);
        if (!task.IsCompletedSuccessfully) task.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Renders a page template inside the layout, as a string.</summary>
    public string Render(string template, object page, object site)
    {
        var output = new StringWriter();
        Render(template, page, site, output);
        return output.ToString();
    }
}

public sealed class ThemeException(string message) : Exception(message);
