using Briefings.Tests.Support;

namespace Briefings.Tests.Search;

/// <summary><c>build --no-search</c> writes the whole site but no search index.</summary>
public sealed class NoSearchOptionTests
{
    [Fact]
    public void Build_with_no_search_writes_pages_and_no_pagefind_folder()
    {
        var output = Directory.CreateTempSubdirectory("briefings-nosearch-").FullName;
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            int code = Cli.Cli.Run(["build", "--input", RepoPaths.TestSite, "--output", output, "--no-search"], stdout, stderr);

            Assert.True(code == 0, stderr.ToString());
            Assert.True(File.Exists(Path.Combine(output, "search", "index.html")));
            Assert.False(Directory.Exists(Path.Combine(output, "pagefind")));
            Assert.DoesNotContain("search:", stderr.ToString());
        }
        finally { Directory.Delete(output, recursive: true); }
    }
}
