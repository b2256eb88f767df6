using System.Reflection;
using NetArchTest.Rules;

namespace Briefings.Tests.Architecture;

/// <summary>Data flows one way through the stages: read from the compiled assemblies (every type each stage's code
/// names, in signatures, bodies and attributes alike), no stage uses a stage that comes after it.</summary>
public sealed class StageDependencyTests
{
    /// <summary>THE allowed direction, written here once: each stage (a folder of src/, a namespace
    /// Briefings.&lt;Stage&gt;) may use the stages before it in this list, and none after it. The README's stage
    /// table lists them in the same order.</summary>
    public static readonly IReadOnlyList<string> Stages =
    [
        "Platform", "Model", "Errors", "Markdown", "Reading", "Checking", "Resolving", "Rendering", "Writing", "Publishing",
        "Search", "Site", "Serving", "Authoring", "Cli",
    ];

    private static readonly Assembly[] Assemblies = [typeof(Briefings.Site.SiteBuilder).Assembly, typeof(Briefings.Cli.Cli).Assembly];

    [Fact]
    public void Every_type_lives_in_a_stage()
    {
        var outside = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.Namespace?.StartsWith("Briefings", StringComparison.Ordinal) == true && StageOf(t.Namespace) is null)
            .Select(t => t.FullName).ToList();
        Assert.True(outside.Count == 0, $"types outside every stage of {nameof(Stages)}: {string.Join(", ", outside)}");
    }

    [Fact]
    public void No_stage_uses_a_later_stage()
    {
        // A dependency is matched by the start of a full name, so no stage's name may begin another's.
        Assert.DoesNotContain(Stages, s => Stages.Any(o => o != s && o.StartsWith(s, StringComparison.Ordinal)));
        var wrong = new List<string>();
        for (int i = 0; i < Stages.Count; i++)
            for (int j = i + 1; j < Stages.Count; j++)
            {
                var result = Types.InAssemblies(Assemblies).That().ResideInNamespaceMatching($@"^Briefings\.{Stages[i]}(\.|$)")
                    .ShouldNot().HaveDependencyOn($"Briefings.{Stages[j]}").GetResult();
                if (!result.IsSuccessful)
                    wrong.Add($"{Stages[i]} -> {Stages[j]} (a later stage), in {string.Join(", ", Users(result))}");
            }
        Assert.True(wrong.Count == 0, "dependencies pointing the wrong way:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void The_readme_lists_the_stages_in_the_same_order()
    {
        var readme = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "README.md"));
        var listed = System.Text.RegularExpressions.Regex.Matches(readme, @"^\| *\d+ *\| *`(\w+)/`", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Stages, listed);
    }

    private static string? StageOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length > 1 && Stages.Contains(parts[1]) ? parts[1] : null;
    }

    /// <summary>The named types that hold the dependency: a lambda's or iterator's hidden class is reported as the
    /// type it was written in.</summary>
    private static IEnumerable<string> Users(TestResult result) =>
        result.FailingTypes.Select(Written).Select(t => t.FullName!.Replace('+', '.')).Distinct().Order(StringComparer.Ordinal);

    private static Type Written(Type t) => t.IsNested && t.Name.StartsWith('<') ? Written(t.DeclaringType!) : t;
}
