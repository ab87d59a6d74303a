namespace NbsRoundup.Browser.Tests;

/// <summary>The browser tests share one portal and one Chromium, started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}
