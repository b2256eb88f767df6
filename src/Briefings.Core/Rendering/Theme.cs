using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Briefings.Errors;
using Briefings.Model;
using Fluid;
using Fluid.Values;

namespace Briefings.Rendering;

/// <summary>The Liquid templates and static assets of theme/, parsed once and shared by every render thread.
/// Making one is the theme's whole check, the one build, check and serve run: every template parses, and no file
/// among the templates or the assets is a link.</summary>
public sealed partial class Theme
{
    public string Directory { get; }
    public string TemplatesDirectory => Path.Combine(Directory, "templates");
    public string AssetsDirectory => Path.Combine(Directory, "assets");

    /// <summary>The asset files, full paths in ordinal order: what the site's assets/ holds.</summary>
    public IReadOnlyList<string> Assets { get; }

    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>Escapes markup characters but leaves Hangul, Cyrillic and the rest readable in the source.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="strictVariables">A name no model has fails the render instead of rendering empty: for the test
    /// that renders every template against the build's models. Fluid's own <c>StrictVariables</c> cannot serve: it
    /// fails on every member that is null (an optional date, a list that fits on one page: <c>page.pager</c> was the
    /// first), not only on one that does not exist, and names the syntax node, not the member. Its
    /// <c>Undefined</c> hook is called only for a name that does not exist: a member no record has, a variable never
    /// set.</param>
    public Theme(string directory, bool strictVariables = false)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(TemplatesDirectory))
            throw new ThemeException(TemplatesDirectory, Position.Start, "no theme templates in this folder", $"no theme templates in {TemplatesDirectory}");
        Assets = System.IO.Directory.Exists(AssetsDirectory) ? ThemeFiles.Under(AssetsDirectory) : [];
        var files = new TemplateFiles(TemplatesDirectory);
        _options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
            FileProvider = files,
            Undefined = strictVariables ? name => throw new FluidException($"no model has '{name}'") : null,
        };

        Labels.AddFilters(_options.Filters);
        var parser = new FluidParser();
        foreach (var (name, text) in files.Pages())
        {
            if (!parser.TryParse(text, out var template, out var error))
                throw ParseError(Path.Combine(TemplatesDirectory, name + ".liquid"), error);
            _templates[name] = template;
        }
        if (!_templates.ContainsKey("layout"))
            throw new ThemeException(TemplatesDirectory, Position.Start, "no layout.liquid", $"{TemplatesDirectory}: no layout.liquid");
    }

    /// <summary>Fluid's message names the place as "at (line:column)" and then quotes the template's source, which
    /// a message never repeats: it is one line, at the place.</summary>
    private static ThemeException ParseError(string file, string error)
    {
        var reason = error.Split('\n')[0].Trim();
        var at = Position.Start;
        if (FluidPlace().Match(reason) is { Success: true } m)
        {
            at = new Position(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
            reason = reason.Remove(m.Index, m.Length);
        }
        reason = Errors.Quoting.OneLine(reason);
        return new ThemeException(file, at, reason, $"{Errors.Quoting.OneLine(Reading.ArchiveReader.Display(file))}:{at.Line}:{at.Column}: {reason}");
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)")]
    private static partial Regex FluidPlace();

    /// <summary>The theme of <paramref name="directory"/>, or null with what is wrong with it as a line of
    /// <c>check</c>: how check and serve run the check that build runs by making one.</summary>
    public static Theme? Load(string directory, out Errors.Diagnostic? problem)
    {
        problem = null;
        try
        {
            return new Theme(directory);
        }
        catch (ThemeException e)
        {
            problem = e.ToDiagnostic(Reading.ArchiveReader.Display(e.File));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new Errors.Diagnostic(Reading.ArchiveReader.Display(Path.GetFullPath(directory)), Position.Start, Errors.Severity.Error,
                Errors.DiagnosticCode.ThemeError.Code, $"the theme cannot be read: {Errors.Quoting.OneLine(e.Message)}");
        }
        return null;
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
        if (!_templates.TryGetValue(template, out var t)) throw new ThemeException(TemplatesDirectory, $"no template {template}.liquid in {TemplatesDirectory}");
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

/// <summary>A theme that cannot be used: the file at fault (a full path) and the place in it, the reason without the
/// path, and the message build prints.</summary>
public sealed class ThemeException(string file, Position at, string reason, string message) : Exception(message)
{
    public ThemeException(string file, string message) : this(file, Position.Start, message, message) { }

    public string File { get; } = file;
    public Position At { get; } = at;
    public string Reason { get; } = reason;

    /// <summary>The problem as a line of <c>check</c>, with the file shown as <paramref name="shown"/>.</summary>
    public Errors.Diagnostic ToDiagnostic(string shown) =>
        new(shown, At, Errors.Severity.Error, Errors.DiagnosticCode.ThemeError.Code, Reason);
}
