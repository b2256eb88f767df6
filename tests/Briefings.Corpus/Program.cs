using System.Diagnostics;
using System.Globalization;
using Briefings.Corpus;

const string Usage = """
    Usage: Briefings.Corpus --briefings N --out DIR [--hugo DIR] [--seed S]

    Writes a synthetic archive of N briefings in the content format into DIR (site.yml, briefings/,
    countries/, institutions/, people/, agreements/; those paths are replaced, nothing else is touched).
    With --hugo it also writes the same content as a Hugo site into that folder (hugo.toml, content/,
    layouts/; an old public/ and resources/ there are removed). The same N and seed always give the
    same bytes. Default seed: 1.
    """;

int? n = null;
string? outDir = null, hugoDir = null;
ulong seed = 1;
for (int i = 0; i < args.Length; i++)
{
    string arg = args[i];
    string? Value() => i + 1 < args.Length ? args[++i] : null;
    switch (arg)
    {
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        case "--briefings" or "-n":
            if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
                return Fail("--briefings needs a whole number of at least 1");
            n = v;
            break;
        case "--out" or "-o":
            outDir = Value() ?? "";
            if (outDir.Length == 0) return Fail("--out needs a folder");
            break;
        case "--hugo":
            hugoDir = Value() ?? "";
            if (hugoDir.Length == 0) return Fail("--hugo needs a folder");
            break;
        case "--seed":
            if (!ulong.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                return Fail("--seed needs a non-negative whole number");
            break;
        default:
            return Fail($"unknown argument '{arg}'");
    }
}
if (n is null) return Fail("--briefings is required");
if (outDir is null) return Fail("--out is required");
if (hugoDir is not null && Path.GetFullPath(hugoDir) == Path.GetFullPath(outDir))
    return Fail("--hugo and --out must be different folders");

var clock = Stopwatch.StartNew();
var archive = Builder.Build(n.Value, seed);
int files = ArchiveWriter.Write(archive, outDir);
Console.Error.WriteLine(
    $"corpus: {archive.Briefings.Count} briefings, {archive.Institutions.Count} institutions, {archive.People.Count} people, " +
    $"{archive.Countries.Count} countries, {archive.Agreements.Count} agreements: {files} files in {outDir}");
if (hugoDir is not null)
{
    int hugoFiles = HugoWriter.Write(archive, hugoDir);
    Console.Error.WriteLine($"corpus: Hugo site: {hugoFiles} files in {hugoDir}");
}
Console.Error.WriteLine($"corpus: done in {clock.Elapsed.TotalSeconds:F1} s (seed {seed})");
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
