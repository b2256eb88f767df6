namespace Briefings.Tests.Publishing;

/// <summary>The two sites are built once for all the publishing tests.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedSitesCollection : ICollectionFixture<PublishedSites>
{
    public const string Name = "published sites";
}
