using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Lookup;

/// <summary>The look-up tests share one fixture server.</summary>
[CollectionDefinition(Name)]
public sealed class LookupServerGroup : ICollectionFixture<LookupFixtureServer>
{
    public const string Name = "Lookup fixture server";
}
