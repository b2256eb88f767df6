using Briefings.Tests.Support;

namespace Briefings.Tests.Site;

/// <summary>The archive in Site/TestSite, built once per test class.</summary>
public sealed class TestSiteBuild() : SiteFixture(RepoPaths.TestSite);

/// <summary>The URLs of the test site's briefings, newest first.</summary>
public static class TestSite
{
    public const string Krasnov = "/briefings/2024-07-24-krasnov-in-pyongyang/";
    public const string Ministry = "/briefings/2019-11-02-security-ministry-talks/";
    public const string Court = "/briefings/2019-06-14-court-delegation-to-china/";
}
