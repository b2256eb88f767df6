namespace Briefings.Errors;

/// <summary>A stable code for a kind of problem. Codes never change meaning; docs/errors.md lists them.</summary>
public sealed record DiagnosticCode(string Code, string Title)
{
    // The file itself.
    public static readonly DiagnosticCode NotUtf8 = new("BR101", "file is not UTF-8");
    public static readonly DiagnosticCode NoFrontMatter = new("BR102", "no front matter");
    public static readonly DiagnosticCode TooLarge = new("BR103", "file too large");
    public static readonly DiagnosticCode LinkOutside = new("BR104", "link pointing outside input/");
    public static readonly DiagnosticCode Misplaced = new("BR105", "file in the wrong place");
    public static readonly DiagnosticCode StrayFile = new("BR106", "file Briefings does not read");
    public static readonly DiagnosticCode TooDeepMarkdown = new("BR107", "Markdown nested too deeply to read");
    public static readonly DiagnosticCode TooLargeBody = new("BR108", "body too large to render");

    // YAML.
    public static readonly DiagnosticCode YamlSyntax = new("BR201", "malformed YAML");
    public static readonly DiagnosticCode DuplicateKey = new("BR202", "duplicate key");
    public static readonly DiagnosticCode YamlAlias = new("BR203", "YAML anchor or alias");
    public static readonly DiagnosticCode YamlTooBig = new("BR204", "front matter too deep or too long");

    // Fields.
    public static readonly DiagnosticCode Required = new("BR301", "missing required field");
    public static readonly DiagnosticCode UnknownKey = new("BR302", "unknown key");
    public static readonly DiagnosticCode WrongType = new("BR303", "value of the wrong type");
    public static readonly DiagnosticCode BadDate = new("BR304", "invalid or impossible date");
    public static readonly DiagnosticCode PartialNotAllowed = new("BR305", "a full date is needed");
    public static readonly DiagnosticCode DateOrder = new("BR306", "dates in the wrong order");
    public static readonly DiagnosticCode BadChoice = new("BR307", "value not among the allowed ones");
    public static readonly DiagnosticCode TooLong = new("BR308", "text too long");
    public static readonly DiagnosticCode BadUrl = new("BR309", "URL not absolute http or https");
    public static readonly DiagnosticCode BadId = new("BR310", "id breaks the id rule");
    public static readonly DiagnosticCode BadCode = new("BR311", "invalid ISO code, language tag or tag");
    public static readonly DiagnosticCode TooFew = new("BR312", "list too short");
    public static readonly DiagnosticCode TooMany = new("BR313", "too many references in one file");

    // References.
    public static readonly DiagnosticCode UnknownId = new("BR401", "unknown id");
    public static readonly DiagnosticCode WrongKind = new("BR402", "id of the wrong kind");
    public static readonly DiagnosticCode DuplicateId = new("BR403", "duplicate id");
    public static readonly DiagnosticCode UnknownSource = new("BR404", "source id not listed in this file");
    public static readonly DiagnosticCode DuplicateSource = new("BR405", "duplicate source id");
    public static readonly DiagnosticCode SelfReference = new("BR406", "entity refers to itself");

    // Warnings.
    public static readonly DiagnosticCode UnusedSource = new("BR501", "source listed but never used");
    public static readonly DiagnosticCode UnsafeHtml = new("BR502", "unsafe HTML or URL removed from the body");

    // Files that cannot be read as files.
    public static readonly DiagnosticCode NotAFile = new("BR109", "not a regular file");
    public static readonly DiagnosticCode Unreadable = new("BR110", "file or folder that cannot be read");
    // An unquoted value cut short by ' #'; a theme that cannot be used. (Declared before All, which lists them.)
    public static readonly DiagnosticCode CommentInValue = new("BR503", "comment right after an unquoted value");
    public static readonly DiagnosticCode ThemeError = new("BR150", "theme file that is a link or does not parse");
    // Evidence (issue 13): fact addresses, the source catalog, pages of the site, citations and placeholders.
    // Errors and warnings together, in a block of their own so that codes added by other work cannot collide.
    public static readonly DiagnosticCode DuplicateFactId = new("BR701", "fact id or address used twice in a file");
    public static readonly DiagnosticCode CatalogIdListed = new("BR702", "a file's own source takes a catalog id");
    public static readonly DiagnosticCode ReservedPageId = new("BR703", "id whose URL the site uses itself");
    public static readonly DiagnosticCode MiswrittenCitation = new("BR704", "citation written wrong");
    public static readonly DiagnosticCode Placeholder = new("BR705", "placeholder text left in");
    public static readonly DiagnosticCode SourceDescribedTwice = new("BR706", "one URL described two ways");
    public static readonly DiagnosticCode OrderedAnchor = new("BR707", "facts told apart only by their order");

    public static readonly IReadOnlyList<DiagnosticCode> All =
    [
        NotUtf8, NoFrontMatter, TooLarge, LinkOutside, Misplaced, StrayFile, TooDeepMarkdown, TooLargeBody,
        YamlSyntax, DuplicateKey, YamlAlias, YamlTooBig,
        Required, UnknownKey, WrongType, BadDate, PartialNotAllowed, DateOrder, BadChoice, TooLong, BadUrl, BadId, BadCode, TooFew, TooMany,
        UnknownId, WrongKind, DuplicateId, UnknownSource, DuplicateSource, SelfReference,
        UnusedSource, UnsafeHtml,
        NotAFile, Unreadable,
        CommentInValue, ThemeError,
        DuplicateFactId, CatalogIdListed, ReservedPageId, MiswrittenCitation, Placeholder, SourceDescribedTwice, OrderedAnchor,
    ];
}
