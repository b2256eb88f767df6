using Briefings.Site;
using Briefings.Tests.Checking;
using Briefings.Tests.Fixtures;
using Briefings.Tests.Support;
using Briefings.Writing;

namespace Briefings.Tests.Security;

/// <summary>A contribution can neither read outside input/ (through a symbolic link or an id that is a path) nor make
/// the build write outside its output folder.</summary>
public sealed class ContainmentTests : IDisposable
{
    private const string Kim = ArchiveFixture.Kim;
    private readonly ArchiveFixture _archive = new();
    private readonly TempFolder _outside = new();

    /// <summary>A valid person file outside the archive: if it were read, its person would appear on the site.</summary>
    private string SecretPerson()
    {
        var path = _outside["secret.md"];
        File.WriteAllText(path, "---\nname: \"SECRET FROM OUTSIDE\"\n---\n\nRead from outside input/.\n");
        return path;
    }

    [Fact]
    public void A_symlinked_file_pointing_outside_input_is_an_error_and_is_not_read()
    {
        File.CreateSymbolicLink(_archive.Path("people/leaked.md"), SecretPerson());

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Assert.Contains("outside input/", Expect.Reported(run, _archive, "people/leaked.md", (1, 1), "BR104"));
        Expect.Only(run, "BR104");
        Assert.DoesNotContain("SECRET", run.Stdout);
    }

    [Fact]
    public void A_symlinked_folder_pointing_outside_input_is_an_error_and_nothing_under_it_is_read()
    {
        Directory.CreateDirectory(_outside["folder"]);
        File.Copy(SecretPerson(), _outside["folder/leaked.md"]);
        File.CreateSymbolicLink(_archive.Path("people/more"), _outside["folder"]);

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, "people/more", (1, 1), "BR104");
        Expect.Only(run, "BR104");
    }

    [Fact]
    public void A_symlinked_content_folder_pointing_outside_input_is_not_followed()
    {
        Directory.CreateDirectory(_outside["agreements"]);
        foreach (var f in Directory.EnumerateFiles(_archive.Path("agreements"))) File.Copy(f, Path.Combine(_outside["agreements"], Path.GetFileName(f)));
        Directory.Delete(_archive.Path("agreements"), recursive: true);
        File.CreateSymbolicLink(_archive.Path("agreements"), _outside["agreements"]);

        var loaded = ArchiveLoader.Load(_archive.Root);

        Assert.Contains(loaded.Diagnostics, d => d.Code == "BR104");
        Assert.DoesNotContain(loaded.Archive.Documents, d => d.Kind == Model.DocumentKind.Agreement);
    }

    [Fact]
    public void A_chain_of_symlinks_that_ends_outside_input_is_not_read()
    {
        File.CreateSymbolicLink(_archive.Path("people/.hop.md"), SecretPerson());
        File.CreateSymbolicLink(_archive.Path("people/first-hop.md"), _archive.Path("people/.hop.md"));

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, "people/first-hop.md", (1, 1), "BR104");
        Assert.DoesNotContain("SECRET", run.Stdout);
    }

    public static TheoryData<string> BadFileNames => new()
    {
        "x..%2f..%2fetc%2fpasswd", "%2e%2e", "Kim-Myong-Gil", "kim_myong_gil", "kim--myong", "-kim", "kim-",
        "kіm", // Cyrillic і
        "kim\u200b", // zero-width space
        "ｋｉｍ", // full-width letters
        "kim myong", "kim.backup", new string('a', 81), new string('a', 250),
    };

    [Theory]
    [MemberData(nameof(BadFileNames))]
    public void A_file_whose_name_is_not_an_id_is_an_error(string name)
    {
        var file = $"people/{name}.md";
        _archive.Write(file, "---\nname: \"Someone\"\n---\n\nText.\n");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, file, (1, 1), "BR310");
    }

    public static TheoryData<string> BadIds => new()
    {
        "../x", "../../etc/passwd", "a/b", "a\\\\b", "%2e%2e", "%2e%2e%2fx", "/etc/passwd", "kіm-myong-gil", "KIM-MYONG-GIL",
        "kim-myong-gil\\u0000", "kim\\nmyong-gil", "javascript:alert(1)", "\\u202ekim", new string('a', 81), new string('a', 100_000),
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public void An_id_that_is_a_path_or_a_look_alike_is_an_error_wherever_it_is_used(string id)
    {
        _archive.ReplaceLine(ArchiveFixture.Trial, "- russia-supreme-court", "- \"" + id + "\"");

        var run = _archive.Check();

        Expect.Exit(run, 1);
        Expect.Reported(run, _archive, ArchiveFixture.Trial, _archive.Find(ArchiveFixture.Trial, "\"" + id[..Math.Min(id.Length, 20)]), "BR310");
    }

    [Theory]
    [InlineData("[[../../etc/passwd]]")]
    [InlineData("[[a/b|text]]")]
    [InlineData("[[%2e%2e]]")]
    public void A_mention_of_a_path_is_an_error_and_no_site_is_written(string mention)
    {
        _archive.Write(Kim, _archive.Read(Kim) + "\nSee " + mention + ".\n");
        using var output = new TempFolder();

        var result = SiteBuilder.Build(new SiteBuilder.Options(_archive.Root, output["site"], ThemeDir: RepoPaths.Theme, Search: false));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Loaded.Diagnostics, d => d.IsError && d.Path.EndsWith("kim-myong-gil.md", StringComparison.Ordinal));
        Assert.False(Directory.Exists(output["site"]));
    }

    [Theory]
    [InlineData("../x.html")]
    [InlineData("../../etc/passwd")]
    [InlineData("a/../../x.html")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void The_output_refuses_to_write_outside_its_folder(string relative)
    {
        using var temp = new TempFolder();
        using var output = new StagedOutput(temp["site"]);

        Assert.Throws<IOException>(() => output.Resolve(relative));
        Assert.Throws<IOException>(() => output.WriteBytes(relative, "x"u8));
        Assert.Throws<IOException>(() => output.WriteText(relative, w => w.Write("x")));
        Assert.Throws<IOException>(() => output.WriteStream(relative, s => s.WriteByte(1)));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp.Path), p => !p.Contains("-staging-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("people/kim-myong-gil/index.html")]
    [InlineData("a/./b/../c.html")]
    public void The_output_writes_paths_inside_its_folder(string relative)
    {
        using var temp = new TempFolder();
        using var output = new StagedOutput(temp["site"]);

        var full = output.Resolve(relative);

        Assert.StartsWith(output.Root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _archive.Dispose();
        _outside.Dispose();
    }
}
